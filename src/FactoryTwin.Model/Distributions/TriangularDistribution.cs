namespace FactoryTwin.Model.Distributions;

/// <summary>Triangular with the given minimum, mode and maximum.</summary>
/// <param name="Min">The lower bound (SI).</param>
/// <param name="Mode">The most likely value (SI).</param>
/// <param name="Max">The upper bound (SI).</param>
public sealed record TriangularDistribution(double Min, double Mode, double Max) : Distribution
{
    /// <inheritdoc />
    public override string Name => "triangular";

    /// <inheritdoc />
    public override double Mean => (Min + Mode + Max) / 3;

    /// <inheritdoc />
    public override double Variance =>
        ((Min * Min) + (Mode * Mode) + (Max * Max) - (Min * Mode) - (Min * Max) - (Mode * Max)) / 18;
}
