using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>Which measurement point a profiler probe was attached to.</summary>
/// <param name="Probe">The probe's column name in the profile.</param>
/// <param name="Point">The measurement point of the body style.</param>
/// <param name="Location">Where the pair was written (a map file, or <c>--map</c>), for diagnostics.</param>
public sealed record ProbeMapping(string Probe, PointId Point, SourceLocation Location);
