namespace FactoryTwin.Twin.Abstractions;

/// <summary>One validated value of one of an asset's channels, as the twin receives it.</summary>
/// <param name="Channel">The channel: a sensor id, or <c>state</c>, <c>good</c>, <c>scrap</c>, <c>level</c>.</param>
/// <param name="Timestamp">When the value was measured (UTC).</param>
/// <param name="Value">The value in SI units (a state as its <see cref="Model.Plants.StationState"/> code).</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinPoint")]
public readonly record struct TwinPoint(
    [property: Id(0)] string Channel,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] double Value);
