using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>A consistent picture of the live plant at one instant, taken by the plant twin; the forecast starts from it.</summary>
/// <param name="Instant">The instant (UTC).</param>
/// <param name="Assets">Every station, oven, buffer and conveyor with its state and the bodies inside.</param>
/// <param name="Lines">Every line's output of the shift so far.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinSnapshot")]
public sealed record TwinSnapshot(
    [property: Id(0)] DateTimeOffset Instant,
    [property: Id(1)] ImmutableArray<TwinSnapshotAsset> Assets,
    [property: Id(2)] ImmutableArray<TwinSnapshotLine> Lines);
