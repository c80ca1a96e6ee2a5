namespace FactoryTwin.Model.Distributions;

/// <summary>Exponential with the given mean (memoryless; the usual model of times between failures).</summary>
/// <param name="MeanValue">The mean (SI), greater than 0.</param>
public sealed record ExponentialDistribution(double MeanValue) : Distribution
{
    /// <inheritdoc />
    public override string Name => "exponential";

    /// <inheritdoc />
    public override double Mean => MeanValue;

    /// <inheritdoc />
    public override double Variance => MeanValue * MeanValue;
}
