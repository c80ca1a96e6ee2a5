using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>
/// A deterministic mix of schema v1 messages of every kind (state, count, measure with several values per message,
/// part) from the three gateways of the automotive sample, each gateway with its own seq counter, together with the
/// points (in SI units, converted here by hand and not by the code under test) and part events a store must end up
/// with. One round is 1 s of plant time and 13 messages.
/// </summary>
internal sealed class PlantTraffic
{
    public const int MessagesPerRound = 13;

    private static readonly string[] States = ["working", "setup", "blocked", "starved", "down", "off-shift"];
    private static readonly string[] Colours = ["white", "black", "silver", "grey", "blue", "red", "green", "bronze"];

    private readonly List<TrafficMessage> _messages = [];
    private readonly List<SeriesPoint> _points = [];
    private readonly List<PartEvent> _parts = [];
    private readonly Dictionary<string, long> _seq = new(StringComparer.Ordinal);

    private PlantTraffic(DateTimeOffset start, int rounds)
    {
        Since = start;
        Until = start.AddSeconds(rounds + 1);
    }

    public static string[] Gateways { get; } = ["gw-body", "gw-paint", "gw-assembly"];

    public IReadOnlyList<TrafficMessage> Messages => _messages;

    /// <summary>Gets the points every message yields, in SI units.</summary>
    public IReadOnlyList<SeriesPoint> Points => _points;

    public IReadOnlyList<PartEvent> Parts => _parts;

    /// <summary>Gets the start of the traffic's time range (inclusive).</summary>
    public DateTimeOffset Since { get; }

    /// <summary>Gets the end of the traffic's time range (exclusive).</summary>
    public DateTimeOffset Until { get; }

    /// <summary>Creates <paramref name="rounds"/> rounds starting at <paramref name="start"/> (whole milliseconds: the payloads carry no more).</summary>
    public static PlantTraffic Create(DateTimeOffset start, int rounds)
    {
        var traffic = new PlantTraffic(start, rounds);
        for (var r = 0; r < rounds; r++)
        {
            traffic.Round(r, start.AddSeconds(r));
        }

        return traffic;
    }

    public static double Kelvin(double degC) => degC + 273.15;

    private void Round(int r, DateTimeOffset t)
    {
        // Body shop: the respot cell's state, counters, weld current (kA, two readings with their own ts), parts.
        State("gw-body", "body", "respot", t, r);
        Count("gw-body", "body", "respot", t, good: 2 * r, scrap: r / 10);
        Measure("gw-body", "body", "respot", t, [("respot-weld-current", 9.5 + (0.25 * (r % 7)), t, v => v * 1000), ("respot-weld-current", 9.75, t.AddMilliseconds(500), v => v * 1000)]);
        Part("gw-body", "body", "respot", t, r);

        // Paint shop: all five e-coat oven zones in one message (degC), booth humidity (%) and air, spray pressure (bar), bath.
        Measure("gw-paint", "paint", "ecoat-oven", t, [.. Enumerable.Range(1, 5).Select(z => (
            $"ecoat-oven-z{z}-air", 180.5 + z + (0.1 * (r % 10)), t, (Func<double, double>)Kelvin))]);
        Measure("gw-paint", "paint", "basecoat", t, [("basecoat-booth-humidity", 60 + (r % 10), t, v => v / 100), ("basecoat-booth-air", 22.5, t, Kelvin)]);
        Measure("gw-paint", "paint", "pretreatment", t, [("pretreatment-spray-pressure", 2.5 + (0.01 * (r % 5)), t, v => v * 1e5)]);
        Measure("gw-paint", "paint", "ecoat", t, [("ecoat-bath-temp", 32.0, t, Kelvin)]);
        State("gw-paint", "paint", "ecoat-oven", t, r + 1);
        Part("gw-paint", "paint", "ecoat-oven", t, r);

        // Final assembly: end-of-line test state, counters and parts, and the trim line's good count.
        State("gw-assembly", "assembly", "eol-test", t, r + 2);
        Count("gw-assembly", "assembly", "eol-test", t, good: 1000 + r, scrap: 3);
        Count("gw-assembly", "assembly", "trim", t, good: 500 + r, scrap: null);
    }

    private long NextSeq(string gateway)
    {
        _seq.TryGetValue(gateway, out var seq);
        _seq[gateway] = ++seq;
        return seq;
    }

    private void State(string gateway, string line, string asset, DateTimeOffset t, int r)
    {
        var seq = NextSeq(gateway);
        var state = r % States.Length;
        Add(gateway, line, asset, "state", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Payloads.Ts(t)}}","seq":{{seq}},"state":"{{States[state]}}"}"""));
        _points.Add(new SeriesPoint(new SeriesId(asset + "/state"), t, state, seq));
    }

    private void Count(string gateway, string line, string asset, DateTimeOffset t, int good, int? scrap)
    {
        var seq = NextSeq(gateway);
        var scrapField = scrap is { } s ? string.Create(CultureInfo.InvariantCulture, $",\"scrap\":{s}") : string.Empty;
        Add(gateway, line, asset, "count", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Payloads.Ts(t)}}","seq":{{seq}},"good":{{good}}{{scrapField}}}"""));
        _points.Add(new SeriesPoint(new SeriesId(asset + "/good"), t, good, seq));
        if (scrap is { } scrapValue)
        {
            _points.Add(new SeriesPoint(new SeriesId(asset + "/scrap"), t, scrapValue, seq));
        }
    }

    private void Measure(string gateway, string line, string asset, DateTimeOffset t, (string Sensor, double Value, DateTimeOffset Ts, Func<double, double> ToSi)[] values)
    {
        var seq = NextSeq(gateway);
        var entries = values.Select(v => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"sensor":"{{v.Sensor}}","value":{{v.Value.ToString("R", CultureInfo.InvariantCulture)}}{{(v.Ts == t ? string.Empty : $",\"ts\":\"{Payloads.Ts(v.Ts)}\"")}}}"""));
        Add(gateway, line, asset, "measure", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Payloads.Ts(t)}}","seq":{{seq}},"values":[{{string.Join(',', entries)}}]}"""));
        foreach (var v in values)
        {
            _points.Add(new SeriesPoint(new SeriesId(asset + "/" + v.Sensor), v.Ts, v.ToSi(v.Value), seq));
        }
    }

    private void Part(string gateway, string line, string asset, DateTimeOffset t, int r)
    {
        var seq = NextSeq(gateway);
        var kind = r % 2 == 0 ? PartEventKind.Enter : PartEventKind.Exit;
        var part = string.Create(CultureInfo.InvariantCulture, $"{asset}-B-{r / 2:D6}");
        var variant = r % 5 < 3 ? "sedan" : "suv";
        var colour = Colours[r % Colours.Length];
        var evt = kind == PartEventKind.Enter ? "enter" : "exit";
        Add(gateway, line, asset, "part", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Payloads.Ts(t)}}","seq":{{seq}},"event":"{{evt}}","part":"{{part}}","variant":"{{variant}}","colour":"{{colour}}"}"""));
        _parts.Add(new PartEvent(new AssetId(asset), t, kind, part, new VariantId(variant), new ColourId(colour), seq));
    }

    private void Add(string gateway, string line, string asset, string kind, string payload) =>
        _messages.Add(new TrafficMessage(gateway, Payloads.Topic(line, asset, kind), payload));
}
