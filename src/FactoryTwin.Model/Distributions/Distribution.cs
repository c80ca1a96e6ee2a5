namespace FactoryTwin.Model.Distributions;

/// <summary>
/// A probability distribution of a non-negative quantity (a duration in seconds in most fields), as declared in the
/// plant file. The engines sample it; the model only describes and checks it.
/// </summary>
public abstract record Distribution
{
    /// <summary>Gets the distribution's name as written in the file (<c>lognormal</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Gets the mean, in the unit of the quantity (SI).</summary>
    public abstract double Mean { get; }

    /// <summary>Gets the variance, in the unit of the quantity squared (SI).</summary>
    public abstract double Variance { get; }
}
