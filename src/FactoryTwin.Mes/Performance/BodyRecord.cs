using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Performance;

/// <summary>One body of an order as the historian saw it.</summary>
/// <param name="PartId">The body id.</param>
/// <param name="ReleasedAt">Its first event (release into the plant).</param>
/// <param name="FinishedAt">When it left the plant as output, or <see langword="null"/>.</param>
/// <param name="ScrappedAt">The station that scrapped it, or <see langword="null"/>.</param>
/// <param name="Quality">Its cure data from the twin, when known.</param>
/// <param name="QualityLine">The line of the oven that judged it, when known.</param>
/// <param name="Reported">The latest cure verdict the plant reported for it (its part exit from a judging oven), when any.</param>
public sealed record BodyRecord(string PartId, DateTimeOffset ReleasedAt, DateTimeOffset? FinishedAt, AssetId? ScrappedAt, BodyQuality? Quality, LineId? QualityLine, ReportedCure? Reported = null);
