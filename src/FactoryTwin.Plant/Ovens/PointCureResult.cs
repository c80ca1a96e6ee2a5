using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Ovens;

/// <summary>The predicted cure of one measurement point of one body.</summary>
/// <param name="Point">The measurement point.</param>
/// <param name="Model">The thermal model used for it (lumped or slab).</param>
/// <param name="PeakTemperature">The highest metal temperature, in kelvin.</param>
/// <param name="TimeAboveThreshold">The time the metal spent at or above the paint's threshold, in seconds.</param>
/// <param name="EquivalentTime">The Arrhenius equivalent time at the paint's reference temperature, in seconds.</param>
/// <param name="Verdict">Under-cured, OK or over-baked.</param>
/// <param name="Margin">The smallest relative slack to the cure window (negative when outside): time above / min − 1, t_eq / min − 1, 1 − t_eq / max, (max peak − peak) / (max peak − threshold).</param>
/// <param name="Binding">The limit that sets <paramref name="Margin"/>.</param>
/// <param name="Times">Seconds since entry of the trace samples, when traces are kept; otherwise empty.</param>
/// <param name="Temperatures">The metal temperature at each sample, in kelvin, when traces are kept; otherwise empty.</param>
public sealed record PointCureResult(
    PointId Point,
    ThermalModelKind Model,
    double PeakTemperature,
    double TimeAboveThreshold,
    double EquivalentTime,
    CureVerdict Verdict,
    double Margin,
    CureCriterion Binding,
    IReadOnlyList<double> Times,
    IReadOnlyList<double> Temperatures);
