using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>An asset with its line and its own series ids, built once so that no series name is concatenated per message.</summary>
/// <param name="Id">The asset id.</param>
/// <param name="Line">The index of its line in <see cref="PlantCatalog"/>.</param>
/// <param name="State">Its <c>state</c> series.</param>
/// <param name="Good">Its <c>good</c> series.</param>
/// <param name="Scrap">Its <c>scrap</c> series.</param>
internal sealed record AssetInfo(AssetId Id, int Line, SeriesId State, SeriesId Good, SeriesId Scrap);
