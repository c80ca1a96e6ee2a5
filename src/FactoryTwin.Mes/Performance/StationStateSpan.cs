using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Performance;

/// <summary>An interval in which a station was in one state, as the historian reports it.</summary>
/// <param name="Station">The station.</param>
/// <param name="State">The state.</param>
/// <param name="From">The inclusive start (UTC).</param>
/// <param name="Until">The exclusive end (UTC).</param>
public readonly record struct StationStateSpan(AssetId Station, StationState State, DateTimeOffset From, DateTimeOffset Until);
