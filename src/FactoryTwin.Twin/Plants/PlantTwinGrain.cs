using System.Collections.Immutable;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// The plant twin: fans out to the line and asset twins (it keeps no persisted state), takes snapshots, and keeps the
/// latest shift forecast in memory, refreshed every <see cref="TwinOptions.ForecastInterval"/> of wall time while active
/// by a forecast worker grain. A read returns that forecast while it is younger than the interval in wall time, so an
/// emulated plant at 60× does not run a forecast per read (the forecast's own instant is plant time).
/// </summary>
internal sealed class PlantTwinGrain : Grain, IPlantTwinGrain
{
    private readonly PlantIndex _index;
    private readonly TimeProvider _time;
    private readonly TimeProvider _wall;
    private readonly TwinOptions _options;
    private readonly TwinChangeHub _changes;
    private readonly ITwinRuntimeSettings _settings;
    private IGrainTimer? _forecastTimer;
    private TimeSpan _forecastPeriod;
    private ShiftForecastView? _forecast;
    private long _forecastWallAt;

    public PlantTwinGrain(PlantIndex index, [FromKeyedServices(TwinOptions.ClockKey)] TimeProvider time, TimeProvider wall, IOptions<TwinOptions> options, TwinChangeHub changes, ITwinRuntimeSettings settings)
    {
        _settings = settings;
        _index = index;
        _time = time;
        _wall = wall;
        _options = options.Value;
        _changes = changes;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _forecastPeriod = _settings.ForecastInterval;
        _forecastTimer = this.RegisterGrainTimer(async ct => await RefreshForecastAsync(ct), new GrainTimerCreationOptions(_forecastPeriod, _forecastPeriod) { KeepAlive = true });
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
            [.. lineViews.Select(l => new TwinSnapshotLine(l.Line, l.OutputShift, l.Stations.Sum(s => s.Kpi.Scrap)))]);
    }

    public async Task<ShiftForecastView> GetForecastAsync(CancellationToken cancellationToken = default)
    {
        if (_forecast is not null && _wall.GetElapsedTime(_forecastWallAt) < _settings.ForecastInterval)
        {
            return _forecast;
        }

        return await RefreshForecastAsync(cancellationToken);
    }

    public async Task<ShiftForecastView> RefreshForecastAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        var forecast = await GrainFactory.GetGrain<IForecastWorkerGrain>(0).ForecastAsync(snapshot, _settings.ForecastReplications, _options.ForecastSeed, cancellationToken);
        _forecast = forecast;
        _forecastWallAt = _wall.GetTimestamp();
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
}
