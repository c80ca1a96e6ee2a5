namespace FactoryTwin.Model.Distributions;

/// <summary>Always the same value.</summary>
/// <param name="Value">The value (SI).</param>
public sealed record ConstantDistribution(double Value) : Distribution
{
    /// <inheritdoc />
    public override string Name => "constant";

    /// <inheritdoc />
    public override double Mean => Value;

    /// <inheritdoc />
    public override double Variance => 0;
}
