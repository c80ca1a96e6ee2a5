using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Mes.Performance;

/// <summary>The cure verdict a plant reported for a body on its exit from an oven that judges cure (the part message's <c>cure</c> and <c>route</c>).</summary>
/// <param name="Oven">The oven.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Route">Where the body was sent because of it, or <see langword="null"/> when it went on.</param>
public sealed record ReportedCure(AssetId Oven, PartCure Verdict, AssetId? Route);
