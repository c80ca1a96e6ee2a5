using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// The plant twin: fans out to the line and asset twins (it keeps no persisted state), takes snapshots, and keeps the
/// latest shift forecast in memory, refreshed every <see cref="TwinOptions.ForecastInterval"/> of wall time while active
/// by a forecast worker grain. Reentrant: while a forecast is being made (seconds to minutes of CPU) every read is
/// answered at once from the latest one, and at most one refresh runs at a time.
/// </summary>
[Reentrant]
internal sealed class PlantTwinGrain : Grain, IPlantTwinGrain
{
    private readonly PlantIndex _index;
    private readonly TimeProvider _time;
    private readonly TimeProvider _wall;
    private readonly TwinOptions _options;
    private readonly TwinChangeHub _changes;
    private readonly ITwinRuntimeSettings _settings;
    private readonly ILogger _logger;
    private IGrainTimer? _forecastTimer;
    private TimeSpan _forecastPeriod;
    private ShiftForecastView? _forecast;
    private TwinSnapshot? _forecastSnapshot;
    private Task<ShiftForecastView>? _refresh;
    private long _forecastWallAt;
    private long _forecastMadeWallAt;

    /// <summary>Off shift, a changed plant state is forecast again only this many forecast intervals after the last forecast.</summary>
    internal const int OffShiftRefreshFactor = 10;

    public PlantTwinGrain(PlantIndex index, [FromKeyedServices(TwinOptions.ClockKey)] TimeProvider time, TimeProvider wall, IOptions<TwinOptions> options, TwinChangeHub changes, ITwinRuntimeSettings settings, ILogger<PlantTwinGrain> logger)
    {
        _settings = settings;
        _logger = logger;
        _index = index;
        _time = time;
        _wall = wall;
        _options = options.Value;
        _changes = changes;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _forecastPeriod = _settings.ForecastInterval;
        _forecastTimer = this.RegisterGrainTimer(async ct => await RefreshInBackground().WaitAsync(ct), new GrainTimerCreationOptions(_forecastPeriod, _forecastPeriod) { KeepAlive = true, Interleave = true });
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<LineTwinView>> GetLinesAsync(CancellationToken cancellationToken = default)
    {
        var tasks = new Task<LineTwinView>[_index.Lines.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = GrainFactory.GetGrain<ILineTwinGrain>(_index.Lines[i].Id).GetViewAsync(cancellationToken);
        }

        return [.. await Task.WhenAll(tasks)];
    }

    public async Task<ImmutableArray<AlarmView>> GetActiveAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var assets = _index.AlarmAssets;
        var tasks = new Task<AssetTwinView>[assets.Length];
        for (var i = 0; i < assets.Length; i++)
        {
            tasks[i] = GrainFactory.GetGrain<IAssetTwinGrain>(assets[i]).GetViewAsync(cancellationToken);
        }

        var list = new List<AlarmView>();
        foreach (var view in await Task.WhenAll(tasks))
        {
            list.AddRange(view.Alarms);
        }

        list.Sort(static (a, b) =>
        {
            var c = b.Priority.CompareTo(a.Priority);
            return c != 0 ? c : Nullable.Compare(b.RaisedAt, a.RaisedAt);
        });
        return [.. list];
    }

    public async Task<TwinSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var instant = _time.GetUtcNow();
        var assets = new List<string>();
        foreach (var (id, info) in _index.Assets)
        {
            if (info.Kind is TwinAssetKind.Station or TwinAssetKind.Oven or TwinAssetKind.Buffer or TwinAssetKind.Conveyor)
            {
                assets.Add(id);
            }
        }

        var views = new Task<AssetTwinView>[assets.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = GrainFactory.GetGrain<IAssetTwinGrain>(assets[i]).GetViewAsync(cancellationToken);
        }

        var lines = GetLinesAsync(cancellationToken);
        var assetViews = await Task.WhenAll(views);
        var lineViews = await lines;
        return new TwinSnapshot(
            instant,
            [.. assetViews.Select(v => new TwinSnapshotAsset(v.Asset, v.Kind, v.State, v.StateSince, v.Bodies))],
            [.. lineViews.Select(l => new TwinSnapshotLine(l.Line, l.OutputShift, l.Stations.Sum(s => s.Kpi.Scrap), l.ShiftStart))]);
    }

    public Task<ShiftForecastView?> GetForecastAsync(CancellationToken cancellationToken = default)
    {
        // A read never waits for a forecast: it gets the latest (or none yet) and, when that is due, starts a refresh.
        // Due when none exists, when it is older than the interval (wall time), or when the shift it was made before has
        // started (a forecast made off shift is obsolete once the plant runs).
        if (_forecast is null || _wall.GetElapsedTime(_forecastWallAt) >= _settings.ForecastInterval
            || (_forecast.OffShift && _time.GetUtcNow() >= _forecast.ShiftStart))
        {
            // Its failure is the next refresh's to retry (the timer's are logged by the runtime).
            _ = RefreshInBackground().ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return Task.FromResult(_forecast);
    }

    public async Task<ShiftForecastView> RefreshForecastAsync(CancellationToken cancellationToken = default)
    {
        // Asked for explicitly: a forecast from the state of now, after the one running (if any) is done.
        if (_refresh is { IsCompleted: false } running)
        {
            await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

            // Another caller started one meanwhile; it began after this call, so its state is recent enough.
            if (_refresh is { IsCompleted: false } newer && !ReferenceEquals(newer, running))
            {
                return await newer.WaitAsync(cancellationToken);
            }
        }

        _refresh = RefreshOnceAsync();
        return await _refresh.WaitAsync(cancellationToken);
    }

    /// <summary>The timer's and a due read's refresh: one at a time, joining the one running.</summary>
    private Task<ShiftForecastView> RefreshInBackground()
    {
        if (_refresh is not { IsCompleted: false })
        {
            _refresh = RefreshOnceAsync();
        }

        return _refresh;
    }

    private async Task<ShiftForecastView> RefreshOnceAsync()
    {
        var cancellationToken = CancellationToken.None;
        var snapshot = await GetSnapshotAsync(cancellationToken);

        // Off shift nothing moves until the next shift starts: while the plant's state is the one the last forecast (of that
        // next shift) started from, a new one would give the same answer, so none is run. This keeps an idle plant idle.
        // A change (a breakdown, say) is taken up at most every OffShiftRefreshFactor intervals: off shift nobody waits on
        // the next shift's forecast minute by minute, and at the shift's start a new one is made from the state then.
        var change = _forecastSnapshot is { } from ? Difference(from, snapshot) : "no forecast yet";
        if (_forecast is { } last && last.ShiftStart is { } next && snapshot.Instant < next && last.OffShift
            && (change is null || _wall.GetElapsedTime(_forecastMadeWallAt) < _settings.ForecastInterval * OffShiftRefreshFactor))
        {
            _forecastWallAt = _wall.GetTimestamp();
            Log.ForecastKept(_logger, snapshot.Instant, change ?? "nothing");
            return last;
        }

        var started = _wall.GetTimestamp();
        var forecast = await GrainFactory.GetGrain<IForecastWorkerGrain>(0).ForecastAsync(snapshot, _settings.ForecastReplications, _options.ForecastSeed, cancellationToken);
        _forecast = forecast;
        _forecastSnapshot = snapshot;
        _forecastWallAt = _wall.GetTimestamp();
        _forecastMadeWallAt = _forecastWallAt;
        Log.ForecastMade(_logger, _wall.GetElapsedTime(started).TotalSeconds, _settings.ForecastReplications, snapshot.Instant, forecast.OffShift ? string.Create(CultureInfo.InvariantCulture, $" (off shift; the shift starting {forecast.ShiftStart:O})") : string.Empty, change ?? "none");
        _changes.Publish(TwinChangeKind.Plant, _index.Site, snapshot.Instant);

        // The refresh period is a run-time setting: a changed one takes effect from this forecast on.
        var period = _settings.ForecastInterval;
        if (_forecastTimer is not null && period != _forecastPeriod)
        {
            _forecastPeriod = period;
            _forecastTimer.Change(period, period);
        }

        return forecast;
    }

    /// <summary>Whether two snapshots hold the same plant state (instants aside): the same states, bodies and counts.</summary>
    internal static bool SameState(TwinSnapshot a, TwinSnapshot b) => Difference(a, b) is null;

    /// <summary>
    /// Whether the forecast reads how long an asset has been in its state: for a station down or in setup (the rest of
    /// the repair or setup), or working on bodies; not off shift or starved, where the simulation starts its bodies'
    /// work afresh (see <see cref="PlantSnapshotMapper"/>).
    /// </summary>
    private static bool SinceMatters(TwinSnapshotAsset asset) =>
        asset.State is StationState.Down or StationState.Setup || (asset.Bodies.Length > 0 && asset.State is not (StationState.OffShift or StationState.Starved));

    /// <summary>The first difference between two snapshots' plant states (instants aside), or <see langword="null"/> for none.</summary>
    internal static string? Difference(TwinSnapshot a, TwinSnapshot b)
    {
        if (a.Assets.Length != b.Assets.Length || a.Lines.Length != b.Lines.Length)
        {
            return "the plant's assets or lines";
        }

        for (var i = 0; i < a.Assets.Length; i++)
        {
            var (x, y) = (a.Assets[i], b.Assets[i]);
            if (x.Asset != y.Asset)
            {
                return "the plant's assets";
            }

            if (x.State != y.State || (x.StateSince != y.StateSince && SinceMatters(x)))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{x.Asset} {x.State} since {x.StateSince:O} → {y.State} since {y.StateSince:O}");
            }

            if (!x.Bodies.AsSpan().SequenceEqual(y.Bodies.AsSpan()))
            {
                return $"the bodies in {x.Asset}";
            }
        }

        for (var i = 0; i < a.Lines.Length; i++)
        {
            if (a.Lines[i] != b.Lines[i])
            {
                return $"line {a.Lines[i].Line}: {a.Lines[i]} → {b.Lines[i]}";
            }
        }

        return null;
    }
}
