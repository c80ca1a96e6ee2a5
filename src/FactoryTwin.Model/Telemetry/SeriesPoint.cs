namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// One validated value of a series, in SI units (a temperature in kelvin, a state as its <see cref="Plants.StationState"/>
/// code, a counter as its running total). (Series, Timestamp, Seq) identifies it: a redelivered message yields
/// the same point, and a store keeps it once.
/// </summary>
/// <param name="Series">The series.</param>
/// <param name="Timestamp">When the value was measured (UTC).</param>
/// <param name="Value">The value, in SI units.</param>
/// <param name="Seq">The publisher's sequence number of the message that carried it.</param>
public readonly record struct SeriesPoint(SeriesId Series, DateTimeOffset Timestamp, double Value, long Seq);
