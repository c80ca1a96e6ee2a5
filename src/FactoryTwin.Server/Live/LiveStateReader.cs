using FactoryTwin.Historian;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Live;

/// <summary>Reads the live state of the plant: the newest point of each series the historian holds, grouped by asset.</summary>
internal sealed class LiveStateReader
{
    private readonly IHistorian _historian;
    private readonly PlantModel _plant;

    public LiveStateReader(IHistorian historian, PlantModel plant)
    {
        _historian = historian;
        _plant = plant;
    }

    /// <summary>Reads the state of every asset that has data.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The states, by asset id.</returns>
    public async Task<IReadOnlyList<AssetState>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var latest = await _historian.GetLatestAsync(null, cancellationToken);
        var byAsset = new SortedDictionary<string, Dictionary<string, ChannelValue>>(StringComparer.Ordinal);
        foreach (var point in latest)
        {
            var asset = point.Series.Asset.Value;
            if (asset.Length == 0 || asset.Length == point.Series.Value.Length)
            {
                continue; // not {asset}/{channel}
            }

            if (!byAsset.TryGetValue(asset, out var values))
            {
                byAsset[asset] = values = new Dictionary<string, ChannelValue>(StringComparer.Ordinal);
            }

            values[point.Series.Channel] = new ChannelValue(point.Value, point.Timestamp, point.Seq);
        }

        var result = new List<AssetState>(byAsset.Count);
        foreach (var (asset, values) in byAsset)
        {
            var line = _plant.LineOf(new Model.Ids.AssetId(asset));
            if (line is not null)
            {
                result.Add(new AssetState(asset, line.Id.Value, values));
            }
        }

        return result;
    }
}
