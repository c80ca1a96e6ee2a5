using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// The live state of a line: work in process (bodies that entered the line and have not left it), output (bodies
/// leaving the line: an entry at a sink, or an exit from an element that hands bodies to another line) this shift and in
/// the last hour, mean lead time (first entry on the line to leaving it), and
/// the line OEE: availability, performance and quality summed over its stations (Σ working / Σ planned,
/// Σ ideal cycle × parts / Σ working, Σ good / Σ parts).
/// </summary>
/// <param name="Line">The line id.</param>
/// <param name="ShiftStart">When the current shift started (UTC).</param>
/// <param name="AsOf">The end of the measured span (UTC).</param>
/// <param name="Wip">Bodies on the line now.</param>
/// <param name="OutputShift">Bodies that left the line this shift.</param>
/// <param name="ThroughputLastHour">Bodies that left the line in the last 60 minutes.</param>
/// <param name="MeanLeadTimeSeconds">The mean lead time of bodies that left the line this shift, in seconds; 0 when none.</param>
/// <param name="ShiftTarget">The good parts expected per shift, or <see langword="null"/>.</param>
/// <param name="Availability">The line availability.</param>
/// <param name="Performance">The line performance.</param>
/// <param name="Quality">The line quality.</param>
/// <param name="Oee">The line OEE.</param>
/// <param name="Stations">The KPIs of each station of the line.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.LineTwinView")]
public sealed record LineTwinView(
    [property: Id(0)] string Line,
    [property: Id(1)] DateTimeOffset ShiftStart,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] int Wip,
    [property: Id(4)] long OutputShift,
    [property: Id(5)] long ThroughputLastHour,
    [property: Id(6)] double MeanLeadTimeSeconds,
    [property: Id(7)] int? ShiftTarget,
    [property: Id(8)] double Availability,
    [property: Id(9)] double Performance,
    [property: Id(10)] double Quality,
    [property: Id(11)] double Oee,
    [property: Id(12)] ImmutableArray<StationKpiEntry> Stations);
