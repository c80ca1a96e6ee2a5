namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>What the station page shows.</summary>
/// <param name="Live">The live state.</param>
/// <param name="ShiftStart">The start of the current shift.</param>
/// <param name="AsOf">When it was read.</param>
/// <param name="Availability">Availability this shift, 0–1.</param>
/// <param name="Performance">Performance this shift, 0–1.</param>
/// <param name="Quality">Quality this shift, 0–1.</param>
/// <param name="ThroughputLastHour">Good parts in the last hour.</param>
/// <param name="Timeline">The state intervals since the shift started.</param>
/// <param name="Series">The historian series of the station's sensors and counters.</param>
public sealed record StationDetail(
    AssetLive Live,
    DateTimeOffset ShiftStart,
    DateTimeOffset AsOf,
    double Availability,
    double Performance,
    double Quality,
    long ThroughputLastHour,
    IReadOnlyList<StateSpan> Timeline,
    IReadOnlyList<TrendSource> Series);
