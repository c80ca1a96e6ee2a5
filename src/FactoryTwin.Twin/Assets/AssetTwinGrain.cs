using System.Collections.Immutable;
using FactoryTwin.Historian;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Assets;

/// <summary>
/// Hosts an <see cref="AssetTwin"/>. Telemetry marks the state dirty and a timer writes it every
/// <see cref="TwinOptions.PersistInterval"/> (and on deactivation); alarm transitions and commands are written at once.
/// A change makes the grain announce its new view on the change feed — at most once per
/// <see cref="TwinOptions.ChangeInterval"/> of wall time and only while someone listens — so readers never call back.
/// </summary>
internal sealed class AssetTwinGrain : Grain, IAssetTwinGrain
{
    private readonly IPersistentState<AssetTwinState> _state;
    private readonly PlantIndex _index;
    private readonly TimeProvider _time;
    private readonly TwinOptions _options;
    private readonly TwinChangeHub _changes;
    private readonly AlarmHistoryWriter _history;
    private readonly ILogger<AssetTwinGrain> _logger;
    private readonly IHistorian? _historian;
    private readonly List<AlarmEvent> _events = [];
    private AssetTwin _twin = null!;
    private bool _dirty;
    private bool _viewChanged;
    private IGrainTimer? _announcer;

    public AssetTwinGrain(
        [PersistentState("asset", TwinOptions.StorageName)] IPersistentState<AssetTwinState> state,
        PlantIndex index,
        [FromKeyedServices(TwinOptions.ClockKey)] TimeProvider time,
        IOptions<TwinOptions> options,
        TwinChangeHub changes,
        AlarmHistoryWriter history,
        ILogger<AssetTwinGrain> logger,
        IServiceProvider services)
    {
        _historian = services.GetService<IHistorian>();
        _state = state;
        _index = index;
        _time = time;
        _options = options.Value;
        _changes = changes;
        _history = history;
        _logger = logger;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var info = _index.Asset(this.GetPrimaryKeyString());
        var oven = info.Kind == TwinAssetKind.Oven ? new OvenWatch(_index.Model, new Model.Ids.AssetId(info.Id)) : null;
        _twin = new AssetTwin(info, _state.State, _time.GetUtcNow(), oven);
        this.RegisterGrainTimer(PersistIfDirtyAsync, _options.PersistInterval, _options.PersistInterval);
        if (_twin.Info.Rules.Length > 0 || _twin.State.Alarms.Count > 0 || oven is not null)
        {
            this.RegisterGrainTimer(EvaluateAsync, _options.EvaluationInterval, _options.EvaluationInterval);
        }

        return CatchUpAsync(cancellationToken);
    }

    /// <summary>How far before the saved state's last telemetry the catch-up reads: points of one batch carry their own timestamps.</summary>
    internal static readonly TimeSpan CatchUpMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Applies what the historian stored after the state this activation loaded. The state is written every
    /// <see cref="TwinOptions.PersistInterval"/>, so a node that dies takes with it up to that much telemetry its twins had
    /// applied; the historian has all of it (a message is acknowledged only after its commit). Replaying from a little
    /// before the saved last telemetry is safe: a twin ignores what is older than it has and applies a repeat as no
    /// change. A twin that never saved a state has nothing to catch up.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (_historian is null || _twin.State.LastTelemetry is not { } last)
        {
            return;
        }

        var since = last - CatchUpMargin;
        var now = _time.GetUtcNow();
        var until = (now > last ? now : last) + TimeSpan.FromHours(1);
        var asset = new AssetId(_twin.Info.Id);
        var points = new List<TwinPoint>();
        foreach (var channel in Channels(asset))
        {
            foreach (var p in await _historian.QueryRangeAsync(SeriesId.Of(asset, channel), since, until, cancellationToken))
            {
                points.Add(new TwinPoint(channel, p.Timestamp, p.Value));
            }
        }

        if (points.Count == 0)
        {
            return;
        }

        // In time order across the asset's series, as the stream brought them (a stable sort keeps each series' order).
        var ordered = points.OrderBy(p => p.Timestamp).ToArray();
        if (_twin.Apply(new AssetTelemetry(ordered, []), _events))
        {
            _dirty = true;
            ViewChanged();
        }

        Log.AssetCaughtUp(_logger, _twin.Info.Id, ordered.Length, since);
        await FlushEventsAsync(cancellationToken);
    }

    private IEnumerable<string> Channels(AssetId asset)
    {
        yield return SeriesId.StateChannel;
        yield return SeriesId.GoodChannel;
        yield return SeriesId.ScrapChannel;
        foreach (var sensor in _index.Model.Sensors)
        {
            if (sensor.Asset == asset)
            {
                yield return sensor.Id.Value;
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await PersistIfDirtyAsync(cancellationToken);
    }

    public async Task ApplyAsync(AssetTelemetry telemetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        if (_twin.Apply(telemetry, _events))
        {
            _dirty = true;
            ViewChanged();
        }

        await FlushEventsAsync(cancellationToken);
    }

    public Task<AssetTwinView> GetViewAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_twin.View(_time.GetUtcNow()));

    public Task<TwinBodyCurves?> GetBodyCurvesAsync(string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Task.FromResult(_twin.Curves(body, _time.GetUtcNow()));
    }

    public Task<ImmutableArray<AlarmView>> GetAlarmsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_twin.Alarms(includeNormal: true));

    public Task<StationKpi> GetKpiAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_twin.Kpi(_time.GetUtcNow()));

    public async Task<AlarmCommandResult> AcknowledgeAlarmAsync(string alarm, string user, string? comment, CancellationToken cancellationToken = default)
    {
        var result = _twin.Acknowledge(alarm, user, comment, _time.GetUtcNow(), _events);
        await FlushEventsAsync(cancellationToken);
        return result;
    }

    public async Task<AlarmCommandResult> ShelveAlarmAsync(string alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default)
    {
        var result = _twin.Shelve(alarm, user, duration, _options.MaxShelveDuration, comment, _time.GetUtcNow(), _events);
        await FlushEventsAsync(cancellationToken);
        return result;
    }

    public async Task<AlarmCommandResult> UnshelveAlarmAsync(string alarm, string user, CancellationToken cancellationToken = default)
    {
        var result = _twin.Unshelve(alarm, user, _time.GetUtcNow(), _events);
        await FlushEventsAsync(cancellationToken);
        return result;
    }

    public async Task EvaluateAsync(CancellationToken cancellationToken = default)
    {
        _twin.Evaluate(_time.GetUtcNow(), _events);
        if (_twin.WatchesCure)
        {
            // A new cure prediction is part of the view.
            ViewChanged();
        }

        await FlushEventsAsync(cancellationToken);
    }

    public Task<string> GetHostAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(RuntimeIdentity);

    private async Task FlushEventsAsync(CancellationToken cancellationToken)
    {
        if (_events.Count == 0)
        {
            return;
        }

        foreach (var e in _events)
        {
            Log.AlarmTransition(_logger, _twin.Info.Id, e.Alarm, e.Kind.ToString(), e.State.ToString(), e.User);
        }

        _changes.Publish(TwinChangeKind.Alarm, _twin.Info.Id, _events[^1].At);
        ViewChanged();
        await _history.AppendAsync(_twin.Info.Id, _events, cancellationToken);
        _events.Clear();

        // Open alarms and acknowledgements must survive a crash, not only a graceful shutdown.
        _dirty = false;
        await _state.WriteStateAsync(cancellationToken);
    }

    /// <summary>Notes that the view changed; the announcer publishes it within one change interval when someone listens.</summary>
    private void ViewChanged()
    {
        _viewChanged = true;
        if (_announcer is null && _changes.SubscriberCount > 0)
        {
            _announcer = this.RegisterGrainTimer(AnnounceAsync, TimeSpan.Zero, _options.ChangeInterval);
        }
    }

    private Task AnnounceAsync(CancellationToken cancellationToken)
    {
        if (!_viewChanged || _changes.SubscriberCount == 0)
        {
            // Quiet: stop ticking until the next change.
            _announcer?.Dispose();
            _announcer = null;
            return Task.CompletedTask;
        }

        _viewChanged = false;
        var now = _time.GetUtcNow();
        _changes.Publish(TwinChangeKind.Asset, _twin.Info.Id, _twin.State.LastTelemetry ?? now, _twin.View(now));
        return Task.CompletedTask;
    }

    private async Task PersistIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await _state.WriteStateAsync(cancellationToken);
        }
    }
}
