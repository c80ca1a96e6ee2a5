namespace FactoryTwin.Model.Distributions;

/// <summary>Lognormal given by its mean and coefficient of variation (standard deviation / mean), as engineers state it.</summary>
/// <param name="MeanValue">The mean (SI).</param>
/// <param name="Cv">The coefficient of variation, greater than 0.</param>
public sealed record LogNormalDistribution(double MeanValue, double Cv) : Distribution
{
    /// <inheritdoc />
    public override string Name => "lognormal";

    /// <inheritdoc />
    public override double Mean => MeanValue;

    /// <inheritdoc />
    public override double Variance => MeanValue * MeanValue * Cv * Cv;

    /// <summary>Gets σ of the underlying normal: σ² = ln(1 + cv²).</summary>
    public double LogSigma => Math.Sqrt(Math.Log(1 + (Cv * Cv)));

    /// <summary>Gets μ of the underlying normal: μ = ln(mean) − σ²/2.</summary>
    public double LogMu => Math.Log(MeanValue) - (0.5 * Math.Log(1 + (Cv * Cv)));
}
