using System.Text.Json.Serialization;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// A time series: <c>{asset}/{channel}</c>, where the channel is a sensor id (<c>ecoat-oven/ecoat-oven-z1-air</c>),
/// or one of the asset's own channels: <c>state</c> (station state code), <c>good</c> and <c>scrap</c> (counters),
/// <c>level</c> (buffer level). The name is split into its parts once, when the id is made (<see cref="Of"/> knows
/// them already); compare and hash by <see cref="Value"/>. Serialized as its name only.
/// </summary>
public readonly record struct SeriesId
{
    /// <summary>The channel of a station's state series.</summary>
    public const string StateChannel = "state";

    /// <summary>The channel of a station's good-part counter.</summary>
    public const string GoodChannel = "good";

    /// <summary>The channel of a station's scrap counter.</summary>
    public const string ScrapChannel = "scrap";

    /// <summary>The channel of a buffer's fill level.</summary>
    public const string LevelChannel = "level";

    /// <summary>Creates the id of a series from its name, splitting it at the first '/'.</summary>
    /// <param name="value">The series name, <c>{asset}/{channel}</c>; a name without '/' is all asset with an empty channel.</param>
    [JsonConstructor]
    public SeriesId(string value)
    {
        Value = value;
        var slash = value is null ? -1 : value.IndexOf('/', StringComparison.Ordinal);
        Asset = new AssetId(slash < 0 ? value! : value![..slash]);
        Channel = slash < 0 ? string.Empty : value![(slash + 1)..];
    }

    private SeriesId(string value, AssetId asset, string channel)
    {
        Value = value;
        Asset = asset;
        Channel = channel;
    }

    /// <summary>Gets the series name, <c>{asset}/{channel}</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the asset the series belongs to: the part of the name before the first '/'.</summary>
    [JsonIgnore]
    public AssetId Asset { get; }

    /// <summary>Gets the channel: the part of the name after the first '/' (a sensor id or a channel constant); empty when the name has no '/'.</summary>
    [JsonIgnore]
    public string Channel { get; }

    /// <summary>Creates the id of an asset's channel.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="channel">The channel: a sensor id or one of the channel constants.</param>
    /// <returns>The series id.</returns>
    public static SeriesId Of(AssetId asset, string channel) => new(asset.Value + "/" + channel, asset, channel);

    /// <inheritdoc />
    public bool Equals(SeriesId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
