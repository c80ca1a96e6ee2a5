using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The live state of one asset (station, oven, buffer, conveyor, source or sink).</summary>
/// <param name="Asset">The asset id.</param>
/// <param name="Line">The line id.</param>
/// <param name="Status">The station state (<see langword="null"/> for buffers and assets without data).</param>
/// <param name="Since">When the state began, when known.</param>
/// <param name="Good">Good parts counted since the counter's reset.</param>
/// <param name="Scrap">Scrapped parts counted since the counter's reset.</param>
/// <param name="Level">Parts now in the asset.</param>
/// <param name="Oee">The shift's overall equipment effectiveness, 0–1.</param>
public sealed record AssetLive(string Asset, string Line, StationState? Status, DateTimeOffset? Since, long Good, long Scrap, int Level, double Oee);
