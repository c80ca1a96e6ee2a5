namespace FactoryTwin.Twin.Abstractions;

/// <summary>A body entering or leaving an asset, as the twin receives it.</summary>
/// <param name="Asset">The asset id.</param>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="Exit"><see langword="true"/> for an exit, <see langword="false"/> for an entry.</param>
/// <param name="PartId">The body id.</param>
/// <param name="Variant">The variant id.</param>
/// <param name="Colour">The colour id.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinPartEvent")]
public readonly record struct TwinPartEvent(
    [property: Id(0)] string Asset,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] bool Exit,
    [property: Id(3)] string PartId,
    [property: Id(4)] string Variant,
    [property: Id(5)] string Colour);
