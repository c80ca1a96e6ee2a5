using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Server.Live;

/// <summary>What changed in one batch of the twin's change feed, as <see cref="LiveViews"/> hands it to its listeners.</summary>
/// <param name="Assets">The new views of the assets that changed.</param>
/// <param name="Lines">Whether the lines' KPIs were re-read.</param>
/// <param name="AlarmAssets">The assets whose alarms changed.</param>
/// <param name="Forecast">Whether a new shift forecast was made.</param>
internal sealed record LiveUpdate(IReadOnlyList<AssetTwinView> Assets, bool Lines, IReadOnlySet<string> AlarmAssets, bool Forecast);
