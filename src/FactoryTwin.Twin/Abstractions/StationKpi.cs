namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// A station's KPIs for the current shift up to <see cref="AsOf"/>: OEE = availability × performance × quality, with
/// availability = working time / planned time (shift time less off-shift time), performance = ideal cycle time ×
/// parts made / working time, quality = good / (good + scrap). A ratio whose denominator is zero is 0.
/// </summary>
/// <param name="ShiftStart">When the current shift started (UTC).</param>
/// <param name="AsOf">The end of the measured span (UTC).</param>
/// <param name="PlannedSeconds">Shift time so far less time off shift, in seconds.</param>
/// <param name="WorkingSeconds">Time working this shift, in seconds.</param>
/// <param name="IdealCycleTime">The ideal cycle time from the plant model, in seconds.</param>
/// <param name="Good">Good parts this shift.</param>
/// <param name="Scrap">Scrapped parts this shift.</param>
/// <param name="Availability">The availability, 0..1.</param>
/// <param name="Performance">The performance (may exceed 1 when the ideal cycle time is pessimistic).</param>
/// <param name="Quality">The quality, 0..1.</param>
/// <param name="Oee">The OEE.</param>
/// <param name="ThroughputLastHour">Good parts in the last 60 minutes (by minute buckets).</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.StationKpi")]
public sealed record StationKpi(
    [property: Id(0)] DateTimeOffset ShiftStart,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] double PlannedSeconds,
    [property: Id(3)] double WorkingSeconds,
    [property: Id(4)] double IdealCycleTime,
    [property: Id(5)] long Good,
    [property: Id(6)] long Scrap,
    [property: Id(7)] double Availability,
    [property: Id(8)] double Performance,
    [property: Id(9)] double Quality,
    [property: Id(10)] double Oee,
    [property: Id(11)] long ThroughputLastHour);
