using System.Collections.Immutable;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>The fits of every station of a plant over one range of history.</summary>
/// <param name="Since">The inclusive start of the range.</param>
/// <param name="Until">The exclusive end of the range.</param>
/// <param name="Stations">One entry per station, in plant-file order.</param>
public sealed record PlantFitReport(DateTimeOffset Since, DateTimeOffset Until, ImmutableArray<StationFit> Stations);
