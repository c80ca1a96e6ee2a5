namespace FactoryTwin.Twin.Abstractions;

/// <summary>The latest value of one channel of an asset.</summary>
/// <param name="Channel">The channel (a sensor id).</param>
/// <param name="Timestamp">When the value was measured (UTC).</param>
/// <param name="Value">The value in SI units.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinMeasurement")]
public sealed record TwinMeasurement(
    [property: Id(0)] string Channel,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] double Value);
