namespace FactoryTwin.Model.Distributions;

/// <summary>Uniform on [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
/// <param name="Min">The lower bound (SI).</param>
/// <param name="Max">The upper bound (SI).</param>
public sealed record UniformDistribution(double Min, double Max) : Distribution
{
    /// <inheritdoc />
    public override string Name => "uniform";

    /// <inheritdoc />
    public override double Mean => (Min + Max) / 2;

    /// <inheritdoc />
    public override double Variance => (Max - Min) * (Max - Min) / 12;
}
