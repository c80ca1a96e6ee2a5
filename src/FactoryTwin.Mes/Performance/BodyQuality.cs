using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Performance;

/// <summary>A body's quality data from the twin: the cure verdict of its last prediction in an oven.</summary>
/// <param name="PartId">The body id.</param>
/// <param name="Oven">The oven that predicted it.</param>
/// <param name="Verdict">The verdict in the twin's words (<c>ok</c>, <c>under-cure</c>, <c>over-bake</c>, …).</param>
/// <param name="CureIndex">The cure margin of the worst point: the fraction of the cure window left (negative outside it).</param>
/// <param name="WorstPoint">The measuring point with the least margin.</param>
/// <param name="PredictedAt">When the prediction was made (UTC).</param>
public sealed record BodyQuality(string PartId, AssetId Oven, string Verdict, double CureIndex, string WorstPoint, DateTimeOffset PredictedAt);
