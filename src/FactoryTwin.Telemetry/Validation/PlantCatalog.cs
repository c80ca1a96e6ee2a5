using System.Collections.Frozen;
using System.Text;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Model.Units;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// The plant model reduced to the lookups that validation makes per message: frozen dictionaries keyed by id with
/// span lookups, so that a topic segment or a JSON string is resolved without allocating a string.
/// </summary>
internal sealed class PlantCatalog
{
    private readonly FrozenDictionary<string, int> _lines;
    private readonly FrozenDictionary<string, AssetInfo> _assets;
    private readonly FrozenDictionary<string, SensorInfo> _sensors;
    private readonly FrozenDictionary<string, GatewayInfo> _gateways;
    private readonly FrozenDictionary<string, VariantId> _variants;
    private readonly FrozenDictionary<string, ColourId> _colours;

    public PlantCatalog(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Site = model.Site.Id.Value;
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in model.Lines())
        {
            lines[line.Id.Value] = lines.Count;
        }

        // The line of each asset comes from the model's own index (PlantModel.LineOf), kept here by line position.
        var assets = new Dictionary<string, AssetInfo>(StringComparer.Ordinal);
        foreach (var e in model.Elements())
        {
            assets[e.Id.Value] = new AssetInfo(
                e.Id, lines[model.LineOf(e.Id)!.Id.Value], SeriesId.Of(e.Id, SeriesId.StateChannel), SeriesId.Of(e.Id, SeriesId.GoodChannel), SeriesId.Of(e.Id, SeriesId.ScrapChannel));
        }

        var sensors = new Dictionary<string, SensorInfo>(StringComparer.Ordinal);
        foreach (var s in model.Sensors)
        {
            if (!assets.TryGetValue(s.Asset.Value, out var asset))
            {
                continue;
            }

            var (scale, offset) = Conversion(s);
            sensors[s.Id.Value] = new SensorInfo(s.Id.Value, asset, SeriesId.Of(s.Asset, s.Id.Value), scale, offset, s.Min, s.Max);
        }

        var gateways = new Dictionary<string, GatewayInfo>(StringComparer.Ordinal);
        foreach (var g in model.Gateways)
        {
            var allowed = new bool[lines.Count];
            foreach (var l in g.Lines)
            {
                if (lines.TryGetValue(l.Value, out var li))
                {
                    allowed[li] = true;
                }
            }

            gateways[g.Id.Value] = new GatewayInfo(g.Id.Value, gateways.Count, allowed);
        }

        _lines = lines.ToFrozenDictionary(StringComparer.Ordinal);
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
        _sensors = sensors.ToFrozenDictionary(StringComparer.Ordinal);
        _gateways = gateways.ToFrozenDictionary(StringComparer.Ordinal);
        _variants = model.Variants.ToFrozenDictionary(v => v.Id.Value, v => v.Id, StringComparer.Ordinal);
        _colours = model.Colours.ToFrozenDictionary(c => c.Id.Value, c => c.Id, StringComparer.Ordinal);
        LineIds = [.. lines.OrderBy(p => p.Value).Select(p => p.Key)];
    }

    /// <summary>Gets the site id.</summary>
    public string Site { get; }

    /// <summary>Gets the line ids by index.</summary>
    public IReadOnlyList<string> LineIds { get; }

    /// <summary>Gets the number of gateways.</summary>
    public int GatewayCount => _gateways.Count;

    public bool TryGetLine(ReadOnlySpan<char> id, out int index) => _lines.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out index);

    public bool TryGetAsset(ReadOnlySpan<char> id, out AssetInfo asset) =>
        _assets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out asset!);

    public bool TryGetSensor(ReadOnlySpan<char> id, out SensorInfo sensor) =>
        _sensors.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out sensor!);

    public bool TryGetGateway(string id, out GatewayInfo gateway) => _gateways.TryGetValue(id, out gateway!);

    /// <summary>Gets a publisher id from its UTF-8 bytes: the gateway's own string when known, so no string is allocated per message.</summary>
    /// <param name="utf8">The id as sent.</param>
    /// <returns>The id.</returns>
    public string Publisher(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 256)
        {
            Span<char> chars = stackalloc char[256];
            if (Encoding.UTF8.TryGetChars(utf8, chars, out var n) &&
                _gateways.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out var gateway))
            {
                return gateway.Id;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    public bool TryGetVariant(ReadOnlySpan<char> id, out VariantId variant) => _variants.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out variant);

    public bool TryGetColour(ReadOnlySpan<char> id, out ColourId colour) => _colours.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out colour);

    /// <summary>Finds how a published value converts to SI (the unit parsed once per sensor).</summary>
    private static (double Scale, double Offset) Conversion(Sensor sensor) => SensorQuantityKinds.Conversion(sensor);
}
