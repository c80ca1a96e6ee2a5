using System.Collections.Concurrent;
using FactoryTwin.Historian;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Plant.Ovens;
using FactoryTwin.Server.Components.Dashboard.Layout;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The dashboard's data over the live twin grains and the historian.</summary>
internal sealed class TwinDashboardData : IDashboardData
{
    private static readonly TimeSpan OvenRecent = TimeSpan.FromMinutes(30);

    private readonly IGrainFactory _grains;
    private readonly IHistorian _historian;
    private readonly TimeProvider _time;
    private readonly IDashboardForecastSource? _forecasts;
    private readonly ConcurrentDictionary<string, OvenCurePredictor> _predictors = new(StringComparer.Ordinal);

    public TwinDashboardData(IGrainFactory grains, IHistorian historian, PlantModel plant, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider? time = null, IDashboardForecastSource? forecasts = null)
    {
        _forecasts = forecasts;
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(historian);
        ArgumentNullException.ThrowIfNull(plant);
        _grains = grains;
        _historian = historian;
        Plant = plant;
        _time = time ?? TimeProvider.System;
        Layout = PlantLayoutBuilder.Build(plant);
    }

    public PlantModel Plant { get; }

    public PlantLayout Layout { get; }

    public async Task<PlantLive> GetPlantAsync(CancellationToken cancellationToken = default)
    {
        var elements = Plant.Elements().ToList();
        var views = await Task.WhenAll(elements.Select(e => _grains.GetGrain<IAssetTwinGrain>(e.Id.Value).GetViewAsync(cancellationToken)));
        var assets = new Dictionary<string, AssetLive>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            assets[view.Asset] = ToLive(view);
        }

        var plant = _grains.GetGrain<IPlantTwinGrain>(Plant.Site.Id.Value);
        var lines = await plant.GetLinesAsync(cancellationToken);
        var alarms = await plant.GetActiveAlarmsAsync(cancellationToken);
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

        var view = await _grains.GetGrain<IAssetTwinGrain>(asset).GetViewAsync(cancellationToken);
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

        var view = await _grains.GetGrain<IAssetTwinGrain>(oven).GetViewAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var zones = new List<OvenZoneLive>();
        foreach (var zone in model.Zones)
        {
            var measured = Measured(view, zone.Sensor.Value);
            var recent = await _historian.QueryBucketsAsync(SeriesId.Of(station.Id, zone.Sensor.Value), now - OvenRecent, now, TrendBuckets.For(OvenRecent), cancellationToken);
            zones.Add(new OvenZoneLive(zone.Id.Value, zone.Setpoint, measured?.Value, measured?.Timestamp, [.. recent.Select(b => new TrendPoint(b.Start, b.Min, b.Avg, b.Max))]));
        }

        var bodies = new List<OvenBodyLive>();
        var predictor = Predictor(oven);
        var conditions = Conditions(model, view);
        var passages = view.Bodies.Select(b => Passage(b)).ToList();
        var known = passages.Where(p => p is not null).Select(p => p!).ToList();
        var results = known.Count == 0 ? [] : predictor.PredictBatch(known, conditions, cancellationToken: cancellationToken);
        var byBody = results.ToDictionary(r => r.Body.BodyId, StringComparer.Ordinal);
        foreach (var body in view.Bodies.OrderBy(b => b.EnteredAt))
        {
            if (byBody.TryGetValue(body.PartId, out var r))
            {
                var worst = r.WorstPoint;
                bodies.Add(new OvenBodyLive(body.PartId, body.Variant, body.Colour, body.EnteredAt, VerdictName(r.Verdict), worst.Point.Value, worst.Margin));
            }
            else
            {
                bodies.Add(new OvenBodyLive(body.PartId, body.Variant, body.Colour, body.EnteredAt, "unknown", "", double.NaN));
            }
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

        var view = await _grains.GetGrain<IAssetTwinGrain>(oven).GetViewAsync(cancellationToken);
        var found = view.Bodies.FirstOrDefault(b => b.PartId == body);
        if (found is null || Passage(found) is not { } passage)
        {
            return null;
        }

        var predictor = Predictor(oven);
        var result = predictor.Predict(passage, Conditions(model, view));
        var window = predictor.Window;
        var elapsed = Math.Max(0, (_time.GetUtcNow() - found.EnteredAt).TotalSeconds);
        return new BodyCurves(
            body,
            window.Threshold,
            window.MaxPeakTemperature,
            window.MinTimeAboveThreshold,
            elapsed,
            [.. result.Points.Select(p => new PointCurve(p.Point.Value, VerdictName(p.Verdict), p.Times, p.Temperatures))]);
    }

    public async Task<ForecastLive?> GetForecastAsync(CancellationToken cancellationToken = default)
    {
        var plant = _grains.GetGrain<IPlantTwinGrain>(Plant.Site.Id.Value);
        var lines = await plant.GetLinesAsync(cancellationToken);
        if (_forecasts is not null)
        {
            // A registered source gives the library forecast with its fan and bottleneck frequencies.
            if (await _forecasts.GetLatestAsync(cancellationToken) is not { } full)
            {
                return null;
            }

            var start = ForecastStart(lines, full.Instant);
            var actual = new Dictionary<string, IReadOnlyList<OutputPoint>>(StringComparer.Ordinal);
            foreach (var line in full.Lines)
            {
                actual[line.Line.Value] = await ActualOutputAsync(line.Line.Value, start, full.Instant, cancellationToken);
            }

            return ForecastMapping.ToLive(full, start, actual);
        }

        // Otherwise the twin's own view: the end-of-shift interval, probability and bottleneck per line (no fan).
        var view = await plant.GetForecastAsync(cancellationToken);
        if (view is null || view.Lines.IsDefaultOrEmpty || view.MadeAt == default)
        {
            return null;
        }

        var shiftStart = ForecastStart(lines, view.MadeAt);
        var result = new List<LineForecastLive>();
        foreach (var f in view.Lines)
        {
            var o = f.Output;
            var actual = await ActualOutputAsync(f.Line, shiftStart, view.MadeAt, cancellationToken);
            result.Add(new LineForecastLive(f.Line, o.SoFar, o.Expected, o.Lower, o.Upper, o.Target, o.ProbabilityOfTarget, f.Bottleneck, null, actual, []));
        }

        return new ForecastLive(view.MadeAt, shiftStart, view.ShiftEnd, view.Replications, result);
    }

    public async Task<IReadOnlyList<AlarmItem>> GetAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var alarms = await _grains.GetGrain<IPlantTwinGrain>(Plant.Site.Id.Value).GetActiveAlarmsAsync(cancellationToken);
        return [.. alarms.Select(ToItem)];
    }

    public async Task<AlarmCommandOutcome> AcknowledgeAsync(AlarmItem alarm, string user, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var r = await _grains.GetGrain<IAssetTwinGrain>(alarm.Asset).AcknowledgeAlarmAsync(alarm.Alarm, user, comment, cancellationToken);
        return new AlarmCommandOutcome(r.Succeeded, r.Error);
    }

    public async Task<AlarmCommandOutcome> ShelveAsync(AlarmItem alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var r = await _grains.GetGrain<IAssetTwinGrain>(alarm.Asset).ShelveAlarmAsync(alarm.Alarm, user, duration, comment, cancellationToken);
        return new AlarmCommandOutcome(r.Succeeded, r.Error);
    }

    private async Task<IReadOnlyList<OutputPoint>> ActualOutputAsync(string line, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var model = Plant.Lines().FirstOrDefault(l => l.Id.Value == line);
        if (model is null || until <= since)
        {
            return [];
        }

        // A part leaving the line is an exit event of an element that routes to one of the line's sinks.
        var sinks = model.Sinks.Select(s => s.Id).ToHashSet();
        var events = new List<PartEvent>();
        foreach (var element in model.Elements().Where(e => e.Next.Any(r => sinks.Contains(r.To))))
        {
            events.AddRange(await _historian.QueryPartEventsAsync(since, until, element.Id, cancellationToken));
        }

        var points = new List<OutputPoint> { new(since, 0) };
        var n = 0;
        foreach (var e in events.Where(e => e.Kind == PartEventKind.Exit).OrderBy(e => e.Timestamp))
        {
            points.Add(new OutputPoint(e.Timestamp, ++n));
        }

        points.Add(new OutputPoint(until, n));
        return points;
    }

    /// <summary>The start of the shift a forecast covers: the lines' shift start, but never more than 12 h back.</summary>
    private static DateTimeOffset ForecastStart(System.Collections.Immutable.ImmutableArray<LineTwinView> lines, DateTimeOffset madeAt)
    {
        var start = lines.IsDefaultOrEmpty ? madeAt : lines.Min(l => l.ShiftStart);
        return start > madeAt || madeAt - start > TimeSpan.FromHours(12) ? madeAt - TimeSpan.FromHours(8) : start;
    }

    private OvenCurePredictor Predictor(string oven) =>
        _predictors.GetOrAdd(oven, id => new OvenCurePredictor(Plant, new AssetId(id), new OvenPredictionOptions { KeepTraces = false }));

    /// <summary>The oven at its zones' latest measured air temperatures, held constant (setpoint where none was measured).</summary>
    private static OvenConditions Conditions(Oven model, AssetTwinView view) =>
        new([.. model.Zones.Select(z => TemperatureSchedule.Constant(Measured(view, z.Sensor.Value)?.Value ?? z.Setpoint))], [], model.ConveyorSpeed);

    private BodyPassage? Passage(TwinBody body)
    {
        var variant = Plant.Variants.FirstOrDefault(v => v.Id.Value == body.Variant);
        return variant is null ? null : new BodyPassage(body.PartId, variant.BodyStyle, 0);
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
            list.Add(new TrendSource(SeriesId.Of(element.Id, sensor.Id.Value).Value, sensor.Id.Value, SiUnit(sensor.Unit)));
        }

        list.Add(new TrendSource(SeriesId.Of(element.Id, SeriesId.GoodChannel).Value, "good (counter)", "parts"));
        list.Add(new TrendSource(SeriesId.Of(element.Id, SeriesId.ScrapChannel).Value, "scrap (counter)", "parts"));
        return list;
    }

    private static string SiUnit(string unit) => unit switch
    {
        "°C" or "degC" or "C" => "K",
        "bar" => "Pa",
        "kA" => "A",
        "%" => "fraction",
        _ => unit,
    };

    private static AssetLive ToLive(AssetTwinView view) =>
        new(view.Asset, view.Line, FromTwin(view.State), view.StateSince, view.GoodTotal, view.ScrapTotal, view.Bodies.IsDefault ? 0 : view.Level, view.Kpi?.Oee ?? 0);

    private static AlarmItem ToItem(AlarmView a) =>
        new(a.Alarm, a.Asset, a.Message, a.Priority.ToString().ToLowerInvariant(), FromTwin(a.State), a.RaisedAt, a.AcknowledgedBy, a.ShelvedUntil);

    internal static StationStatus FromTwin(TwinStationState state) => state switch
    {
        TwinStationState.Working => StationStatus.Working,
        TwinStationState.Setup => StationStatus.Setup,
        TwinStationState.Blocked => StationStatus.Blocked,
        TwinStationState.Starved => StationStatus.Starved,
        TwinStationState.Down => StationStatus.Down,
        TwinStationState.OffShift => StationStatus.OffShift,
        _ => StationStatus.Unknown,
    };

    internal static AlarmLifecycle FromTwin(AlarmState state) => state switch
    {
        AlarmState.ActiveUnacknowledged => AlarmLifecycle.ActiveUnacknowledged,
        AlarmState.ActiveAcknowledged => AlarmLifecycle.ActiveAcknowledged,
        AlarmState.ClearedUnacknowledged => AlarmLifecycle.ClearedUnacknowledged,
        AlarmState.Shelved => AlarmLifecycle.Shelved,
        _ => AlarmLifecycle.Normal,
    };

    /// <summary>Maps a stored state code (docs/telemetry.md: working 0 … off-shift 5) to a state.</summary>
    internal static StationStatus FromCode(double code) => code switch
    {
        0 => StationStatus.Working,
        1 => StationStatus.Setup,
        2 => StationStatus.Blocked,
        3 => StationStatus.Starved,
        4 => StationStatus.Down,
        5 => StationStatus.OffShift,
        _ => StationStatus.Unknown,
    };

    private static string VerdictName(CureVerdict verdict) => verdict switch
    {
        CureVerdict.UnderCured => "under-cured",
        CureVerdict.OverBaked => "over-baked",
        _ => "ok",
    };
}
