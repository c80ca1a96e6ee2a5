using FactoryTwin.Historian;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Components.Dashboard.Layout;
using FactoryTwin.Server.Live;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>
/// The dashboard's data over the live twin and the historian. Live state comes from <see cref="LiveViews"/> — the views
/// the grains announce, including each oven's cure prediction — so an open page costs no grain call per refresh and
/// shows the same verdicts as the twin's alarms; pages refresh when <see cref="Watch"/> says something they show changed.
/// </summary>
internal sealed class TwinDashboardData : IDashboardData
{
    private static readonly TimeSpan OvenRecent = TimeSpan.FromMinutes(30);

    private readonly LiveViews _views;
    private readonly ITwinGateway _twin;
    private readonly IHistorian _historian;
    private readonly TimeProvider _time;
    private readonly IDashboardForecastSource? _forecasts;

    public TwinDashboardData(LiveViews views, ITwinGateway twin, IHistorian historian, PlantModel plant, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider? time = null, IDashboardForecastSource? forecasts = null)
    {
        _forecasts = forecasts;
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(historian);
        ArgumentNullException.ThrowIfNull(plant);
        _views = views;
        _twin = twin;
        _historian = historian;
        Plant = plant;
        _time = time ?? TimeProvider.System;
        Layout = PlantLayoutBuilder.Build(plant);
    }

    public PlantModel Plant { get; }

    public PlantLayout Layout { get; }

    public IDisposable Watch(Func<DashboardChange, Task> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return _views.Listen((update, _) => changed(new DashboardChange(
            update.Assets.Select(a => a.Asset).ToHashSet(StringComparer.Ordinal), update.Lines, update.AlarmAssets.Count > 0, update.Forecast)));
    }

    public async Task<PlantLive> GetPlantAsync(CancellationToken cancellationToken = default)
    {
        var assets = new Dictionary<string, AssetLive>(StringComparer.Ordinal);
        foreach (var view in await _views.GetAssetsAsync(cancellationToken))
        {
            assets[view.Asset] = ToLive(view);
        }

        var lines = await _views.GetLinesAsync(cancellationToken);
        var alarms = await _views.GetActiveAlarmsAsync(cancellationToken);
        var names = Plant.Lines().ToDictionary(l => l.Id.Value, l => l.Name, StringComparer.Ordinal);
        return new PlantLive(
            _time.GetUtcNow(),
            assets,
            [.. lines.Select(l => new LineLive(l.Line, names.GetValueOrDefault(l.Line, l.Line), l.OutputShift, l.ThroughputLastHour, l.Oee, l.Wip, l.ShiftTarget))],
            [.. alarms.Where(a => a.State != AlarmState.Normal).Select(ToItem)]);
    }

    public async Task<StationDetail?> GetStationAsync(string asset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var element = Plant.FindElement(new AssetId(asset));
        if (element is null)
        {
            return null;
        }

        var view = await _views.GetAssetAsync(asset, cancellationToken);
        var kpi = view.Kpi;
        var now = _time.GetUtcNow();
        // Outside a shift (or before the twin knows one) show the last 8 hours rather than an empty or day-long chart.
        var shiftStart = kpi.ShiftStart == default || kpi.ShiftStart > now || now - kpi.ShiftStart > TimeSpan.FromHours(12) ? now - TimeSpan.FromHours(8) : kpi.ShiftStart;
        var intervals = await _historian.QueryStateIntervalsAsync(SeriesId.Of(element.Id, SeriesId.StateChannel), shiftStart, now, cancellationToken);
        var timeline = intervals.Select(i => new StateSpan(i.Start < shiftStart ? shiftStart : i.Start, i.End, FromCode(i.State))).ToList();
        return new StationDetail(ToLive(view), shiftStart, now, kpi.Availability, kpi.Performance, kpi.Quality, kpi.ThroughputLastHour, timeline, SourcesOf(element));
    }

    public async Task<TrendSeries> GetTrendAsync(string series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (until <= since)
        {
            throw new ArgumentException($"the trend range ends ({until:O}) before it starts ({since:O}).", nameof(until));
        }

        var bucket = TrendBuckets.For(until - since);
        var buckets = await _historian.QueryBucketsAsync(new SeriesId(series), since, until, bucket, cancellationToken);
        return new TrendSeries(series, since, until, bucket, [.. buckets.Select(b => new TrendPoint(b.Start, b.Min, b.Avg, b.Max))]);
    }

    public async Task<OvenLive?> GetOvenAsync(string oven, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oven);
        if (Plant.FindElement(new AssetId(oven)) is not Station { Oven: { } model } station)
        {
            return null;
        }

        var view = await _views.GetAssetAsync(oven, cancellationToken);
        var now = _time.GetUtcNow();
        var zones = new List<OvenZoneLive>();
        foreach (var zone in model.Zones)
        {
            var measured = Measured(view, zone.Sensor.Value);
            var recent = await _historian.QueryBucketsAsync(SeriesId.Of(station.Id, zone.Sensor.Value), now - OvenRecent, now, TrendBuckets.For(OvenRecent), cancellationToken);
            zones.Add(new OvenZoneLive(zone.Id.Value, zone.Setpoint, measured?.Value, measured?.Timestamp, [.. recent.Select(b => new TrendPoint(b.Start, b.Min, b.Avg, b.Max))]));
        }

        // The twin's own prediction, the one behind its under-cure alarms; a body entered since is "pending".
        var cure = view.Cure.IsDefault ? [] : view.Cure.ToDictionary(c => c.PartId, StringComparer.Ordinal);
        var bodies = new List<OvenBodyLive>();
        foreach (var body in view.Bodies.OrderBy(b => b.EnteredAt))
        {
            bodies.Add(cure.TryGetValue(body.PartId, out var c)
                ? new OvenBodyLive(body.PartId, body.Variant, body.Colour, body.EnteredAt, VerdictName(c.Verdict), c.WorstPoint, c.Margin)
                : new OvenBodyLive(body.PartId, body.Variant, body.Colour, body.EnteredAt, "pending", "", double.NaN));
        }

        return new OvenLive(oven, station.Name, now, zones, bodies);
    }

    public async Task<BodyCurves?> GetBodyCurvesAsync(string oven, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oven);
        ArgumentNullException.ThrowIfNull(body);
        if (Plant.FindElement(new AssetId(oven)) is not Station { Oven: { } model })
        {
            return null;
        }

        if (await _twin.GetBodyCurvesAsync(oven, body, cancellationToken) is not { } curves)
        {
            return null;
        }

        return new BodyCurves(
            body,
            curves.Threshold,
            curves.MaxPeakTemperature,
            curves.MinTimeAboveThreshold,
            curves.ElapsedSeconds,
            [.. curves.Points.Select(p => new PointCurve(p.Point, VerdictName(p.Verdict), p.Times, p.Temperatures))]);
    }

    public async Task<ForecastLive?> GetForecastAsync(CancellationToken cancellationToken = default)
    {
        var lines = await _views.GetLinesAsync(cancellationToken);
        if (_forecasts is not null)
        {
            // A registered source gives the library forecast with its fan and bottleneck frequencies.
            if (await _forecasts.GetLatestAsync(cancellationToken) is not { } full)
            {
                return null;
            }

            var start = full.ShiftStart ?? ForecastStart(lines, full.Instant);
            var actual = new Dictionary<string, IReadOnlyList<OutputPoint>>(StringComparer.Ordinal);
            foreach (var line in full.Lines)
            {
                actual[line.Line.Value] = await ActualOutputAsync(line.Line.Value, start, Latest(full.Instant), cancellationToken);
            }

            return ForecastMapping.ToLive(full, start, actual);
        }

        // Otherwise the twin's own view: the end-of-shift interval, probability and bottleneck per line (no fan).
        var view = await _twin.GetForecastAsync(false, cancellationToken);
        if (view is null || view.Lines.IsDefaultOrEmpty || view.MadeAt == default)
        {
            return null;
        }

        var shiftStart = view.ShiftStart ?? ForecastStart(lines, view.MadeAt);
        var result = new List<LineForecastLive>();
        foreach (var f in view.Lines)
        {
            var o = f.Output;
            var actual = await ActualOutputAsync(f.Line, shiftStart, Latest(view.MadeAt), cancellationToken);
            result.Add(new LineForecastLive(f.Line, o.SoFar, o.Expected, o.Lower, o.Upper, o.Target, o.ProbabilityOfTarget, f.Bottleneck, null, actual, []));
        }

        return new ForecastLive(view.MadeAt, shiftStart, view.ShiftEnd, view.Replications, result);
    }

    public async Task<IReadOnlyList<AlarmItem>> GetAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var alarms = await _views.GetActiveAlarmsAsync(cancellationToken);
        return [.. alarms.Select(ToItem)];
    }

    public async Task<AlarmCommandOutcome> AcknowledgeAsync(AlarmItem alarm, string user, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var r = await _twin.AcknowledgeAsync(alarm.Asset, alarm.Alarm, user, comment, cancellationToken);
        return new AlarmCommandOutcome(r.Succeeded, r.Error);
    }

    public async Task<AlarmCommandOutcome> ShelveAsync(AlarmItem alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var r = await _twin.ShelveAsync(alarm.Asset, alarm.Alarm, user, duration, comment, cancellationToken);
        return new AlarmCommandOutcome(r.Succeeded, r.Error);
    }

    private async Task<IReadOnlyList<OutputPoint>> ActualOutputAsync(string line, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var model = Plant.Lines().FirstOrDefault(l => l.Id.Value == line);
        if (model is null || until <= since)
        {
            return [];
        }

        // The same output the twin counts for the shift (Line.OutputElements): entries into a sink, exits from an element
        // that hands bodies off the line.
        var events = new List<PartEvent>();
        foreach (var (element, onEntry) in model.OutputElements())
        {
            var kind = onEntry ? PartEventKind.Enter : PartEventKind.Exit;
            events.AddRange((await _historian.QueryPartEventsAsync(since, until, element.Id, cancellationToken)).Where(e => e.Kind == kind));
        }

        var points = new List<OutputPoint> { new(since, 0) };
        var n = 0;
        foreach (var e in events.OrderBy(e => e.Timestamp))
        {
            points.Add(new OutputPoint(e.Timestamp, ++n));
        }

        points.Add(new OutputPoint(until, n));
        return points;
    }

    /// <summary>The actual output is drawn up to now (plant time), also past the instant the forecast was made.</summary>
    private DateTimeOffset Latest(DateTimeOffset madeAt)
    {
        var now = _time.GetUtcNow();
        return now > madeAt ? now : madeAt;
    }

    /// <summary>The start of the shift a forecast covers: the lines' shift start, but never more than 12 h back.</summary>
    private static DateTimeOffset ForecastStart(IReadOnlyList<LineTwinView> lines, DateTimeOffset madeAt)
    {
        var start = lines.Count == 0 ? madeAt : lines.Min(l => l.ShiftStart);
        return start > madeAt || madeAt - start > TimeSpan.FromHours(12) ? madeAt - TimeSpan.FromHours(8) : start;
    }

    private static TwinMeasurement? Measured(AssetTwinView view, string sensor)
    {
        if (view.Measurements.IsDefault)
        {
            return null;
        }

        foreach (var m in view.Measurements)
        {
            if (m.Channel == sensor)
            {
                return m;
            }
        }

        return null;
    }

    private List<TrendSource> SourcesOf(FlowElement element)
    {
        var list = new List<TrendSource>();
        foreach (var sensor in Plant.Sensors.Where(s => s.Asset == element.Id))
        {
            var (scale, offset) = SensorQuantityKinds.Conversion(sensor);
            list.Add(new TrendSource(SeriesId.Of(element.Id, sensor.Id.Value).Value, sensor.Id.Value, SensorQuantityKinds.DisplaySymbol(sensor), scale, offset));
        }

        list.Add(new TrendSource(SeriesId.Of(element.Id, SeriesId.GoodChannel).Value, "good (counter)", "parts"));
        list.Add(new TrendSource(SeriesId.Of(element.Id, SeriesId.ScrapChannel).Value, "scrap (counter)", "parts"));
        return list;
    }

    private static AssetLive ToLive(AssetTwinView view) =>
        new(view.Asset, view.Line, view.State, view.StateSince, view.GoodTotal, view.ScrapTotal, view.Bodies.IsDefault ? 0 : view.Level, view.Kpi?.Oee ?? 0);

    private static AlarmItem ToItem(AlarmView a) =>
        new(a.Alarm, a.Asset, a.Message, a.Priority.ToString().ToLowerInvariant(), FromTwin(a.State), a.RaisedAt, a.AcknowledgedBy, a.ShelvedUntil);

    internal static AlarmLifecycle FromTwin(AlarmState state) => state switch
    {
        AlarmState.ActiveUnacknowledged => AlarmLifecycle.ActiveUnacknowledged,
        AlarmState.ActiveAcknowledged => AlarmLifecycle.ActiveAcknowledged,
        AlarmState.ClearedUnacknowledged => AlarmLifecycle.ClearedUnacknowledged,
        AlarmState.Shelved => AlarmLifecycle.Shelved,
        _ => AlarmLifecycle.Normal,
    };

    /// <summary>Maps a stored state code (docs/telemetry.md: working 0 … off-shift 5) to a state.</summary>
    internal static StationState? FromCode(double code) => code is >= 0 and <= (int)StationState.OffShift && code == Math.Floor(code) ? (StationState)(int)code : null;

    private static string VerdictName(TwinCureVerdict verdict) => verdict switch
    {
        TwinCureVerdict.UnderCured => "under-cured",
        TwinCureVerdict.OverBaked => "over-baked",
        _ => "ok",
    };
}
