using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>Settings of <see cref="OvenSetpointOptimizer"/>.</summary>
public sealed record OvenOptimizationOptions
{
    /// <summary>Gets the least cure margin every point must keep (the margin of <see cref="PointCureResult.Margin"/>).</summary>
    /// <value>The default value is 0.05.</value>
    public double RequiredMargin { get; init; } = 0.05;

    /// <summary>Gets the setpoint range of zones by id; zones not named get their setpoint ± <see cref="DefaultHalfWidth"/>.</summary>
    public IReadOnlyDictionary<ZoneId, ZoneBounds>? Bounds { get; init; }

    /// <summary>Gets the half-width of the default setpoint range, in kelvin.</summary>
    /// <value>The default value is 30 K.</value>
    public double DefaultHalfWidth { get; init; } = 30;

    /// <summary>Gets the conveyor speed range; <see langword="null"/> keeps the oven's speed.</summary>
    public SpeedRange? Speed { get; init; }

    /// <summary>Gets the body styles that go through the oven; <see langword="null"/> for the styles of the plant's variants (every style when it has none).</summary>
    public IReadOnlyList<BodyStyleId>? Styles { get; init; }

    /// <summary>Gets the energy model whose heat per body is minimized.</summary>
    public OvenEnergyModel Energy { get; init; } = new();

    /// <summary>Gets the numerical settings of the cure prediction.</summary>
    public OvenPredictionOptions Prediction { get; init; } = new();

    /// <summary>Gets the setpoint tolerance of the final bisection, in kelvin.</summary>
    /// <value>The default value is 0.01 K.</value>
    public double Tolerance { get; init; } = 0.01;

    /// <summary>Gets the most cure predictions (of one body per style) the search may make.</summary>
    /// <value>The default value is 4000.</value>
    public int MaxEvaluations { get; init; } = 4000;
}
