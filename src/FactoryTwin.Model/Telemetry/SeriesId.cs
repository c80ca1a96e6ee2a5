using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// A time series: <c>{asset}/{channel}</c>, where the channel is a sensor id (<c>ecoat-oven/ecoat-oven-z1-air</c>),
/// or one of the asset's own channels: <c>state</c> (station state code), <c>good</c> and <c>scrap</c> (counters),
/// <c>level</c> (buffer level).
/// </summary>
/// <param name="Value">The series name.</param>
public readonly record struct SeriesId(string Value)
{
    /// <summary>The channel of a station's state series.</summary>
    public const string StateChannel = "state";

    /// <summary>The channel of a station's good-part counter.</summary>
    public const string GoodChannel = "good";

    /// <summary>The channel of a station's scrap counter.</summary>
    public const string ScrapChannel = "scrap";

    /// <summary>The channel of a buffer's fill level.</summary>
    public const string LevelChannel = "level";

    /// <summary>Creates the id of an asset's channel.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="channel">The channel: a sensor id or one of the channel constants.</param>
    /// <returns>The series id.</returns>
    public static SeriesId Of(AssetId asset, string channel) => new(asset.Value + "/" + channel);

    /// <inheritdoc />
    public override string ToString() => Value;
}
