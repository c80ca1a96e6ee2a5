using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Telemetry;

/// <summary>A part (a car body) entering or leaving an asset, as a gateway reports it.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="Kind">Enter or exit.</param>
/// <param name="PartId">The part's id (body number).</param>
/// <param name="Variant">The part's variant.</param>
/// <param name="Colour">The part's colour.</param>
/// <param name="Seq">The publisher's sequence number of the message that carried it.</param>
/// <param name="Cure">On a body's exit from an oven that judges its cure: the verdict (<c>cure</c>); otherwise <see langword="null"/>.</param>
/// <param name="Route">With <paramref name="Cure"/>: where the body was sent because of it, such as the repaint queue (<c>route</c>); <see langword="null"/> when it went on.</param>
public readonly record struct PartEvent(
    AssetId Asset,
    DateTimeOffset Timestamp,
    PartEventKind Kind,
    string PartId,
    VariantId Variant,
    ColourId Colour,
    long Seq,
    PartCure? Cure = null,
    AssetId? Route = null);
