namespace FactoryTwin.Twin.Abstractions;

/// <summary>A body inside an asset (a station, buffer, conveyor or oven).</summary>
/// <param name="PartId">The body id.</param>
/// <param name="Variant">The variant id.</param>
/// <param name="Colour">The colour id.</param>
/// <param name="EnteredAt">When it entered the asset (UTC).</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinBody")]
public sealed record TwinBody(
    [property: Id(0)] string PartId,
    [property: Id(1)] string Variant,
    [property: Id(2)] string Colour,
    [property: Id(3)] DateTimeOffset EnteredAt);
