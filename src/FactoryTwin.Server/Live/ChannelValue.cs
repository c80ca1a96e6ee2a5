namespace FactoryTwin.Server.Live;

/// <summary>The latest value of one series.</summary>
/// <param name="Value">The value, in SI units (a state series holds the <c>StationState</c> code).</param>
/// <param name="Timestamp">When it was measured (UTC).</param>
/// <param name="Seq">The publisher's sequence number.</param>
internal sealed record ChannelValue(double Value, DateTimeOffset Timestamp, long Seq);
