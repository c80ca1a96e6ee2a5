using System.Collections.Immutable;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>One asset in a <see cref="TwinSnapshot"/>.</summary>
/// <param name="Asset">The asset id.</param>
/// <param name="Kind">What it is.</param>
/// <param name="State">Its state (stations and ovens).</param>
/// <param name="StateSince">When that state began, or <see langword="null"/>.</param>
/// <param name="Bodies">The bodies inside, oldest first.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinSnapshotAsset")]
public sealed record TwinSnapshotAsset(
    [property: Id(0)] string Asset,
    [property: Id(1)] TwinAssetKind Kind,
    [property: Id(2)] StationState? State,
    [property: Id(3)] DateTimeOffset? StateSince,
    [property: Id(4)] ImmutableArray<TwinBody> Bodies);
