namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The live state of the whole plant for the overview.</summary>
/// <param name="AsOf">When it was read.</param>
/// <param name="Assets">Every asset with data, by asset id.</param>
/// <param name="Lines">The line KPIs.</param>
/// <param name="ActiveAlarms">Alarms not in the normal state.</param>
public sealed record PlantLive(
    DateTimeOffset AsOf,
    IReadOnlyDictionary<string, AssetLive> Assets,
    IReadOnlyList<LineLive> Lines,
    IReadOnlyList<AlarmItem> ActiveAlarms);
