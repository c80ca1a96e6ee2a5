using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The fitted exposure factor of one measurement point.</summary>
/// <param name="Point">The measurement point.</param>
/// <param name="Probes">The profile columns mapped to it.</param>
/// <param name="Initial">The exposure factor before the fit.</param>
/// <param name="Value">The fitted exposure factor.</param>
/// <param name="StandardError">Its standard error; 0 for the reference point.</param>
/// <param name="IsReference">Whether this point's exposure was held at its model value to fix the scale of h·e (the mapped point with the largest model exposure).</param>
/// <param name="ResidualRms">The root-mean-square difference between model and measurement at this point after the fit, in kelvin.</param>
public sealed record FittedPoint(PointId Point, IReadOnlyList<string> Probes, double Initial, double Value, double StandardError, bool IsReference, double ResidualRms);
