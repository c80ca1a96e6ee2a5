using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Capacity;

/// <summary>The theoretical capacity of one element.</summary>
/// <param name="Id">The element.</param>
/// <param name="Line">The line it belongs to.</param>
/// <param name="Kind">What it is (<c>station</c>, <c>oven</c>, <c>conveyor</c>, <c>buffer</c>, <c>source</c>, <c>sink</c>).</param>
/// <param name="VisitRatio">Visits per released part (above 1 with rework, below 1 after a split or scrap).</param>
/// <param name="PartsPerHour">Parts it can process per hour, availability included; infinity for buffers, sources and sinks.</param>
/// <param name="MaxReleasePerHour">Released parts per hour it can sustain: <paramref name="PartsPerHour"/> / <paramref name="VisitRatio"/>.</param>
/// <param name="Utilization">Its load at the sources' nominal release rate, as a fraction of capacity.</param>
public sealed record ElementCapacity(AssetId Id, LineId Line, string Kind, double VisitRatio, double PartsPerHour, double MaxReleasePerHour, double Utilization);
