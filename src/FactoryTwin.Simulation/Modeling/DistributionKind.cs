namespace FactoryTwin.Simulation.Modeling;

/// <summary>The family of a <see cref="Distribution"/>.</summary>
public enum DistributionKind
{
    /// <summary>Always the same value.</summary>
    Constant,

    /// <summary>Uniform on [min, max).</summary>
    Uniform,

    /// <summary>Triangular with min, mode and max.</summary>
    Triangular,

    /// <summary>Normal, truncated at 0 by rejection.</summary>
    Normal,

    /// <summary>Lognormal given by its mean and coefficient of variation.</summary>
    LogNormal,

    /// <summary>Exponential given by its mean.</summary>
    Exponential,

    /// <summary>Discrete empirical: each observed sample equally likely.</summary>
    Empirical,
}
