using System.Collections.Concurrent;
using System.Collections.Immutable;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Server.Live;

/// <summary>
/// The server's one subscription to the twin's change feed and its cache of the latest views: each asset's view as its
/// grain announces it, the lines' KPIs re-read at most once per batch (and at most every <see cref="LineRefresh"/> when
/// only assets changed), and the active alarms taken from the asset views. The SignalR push and every open dashboard page
/// listen here; none of them calls a grain per read or per page.
/// </summary>
internal sealed class LiveViews : BackgroundService
{
    /// <summary>How often at most the lines' KPIs are re-read when only their stations changed.</summary>
    internal static readonly TimeSpan LineRefresh = TimeSpan.FromSeconds(2);

    private readonly ITwinChangeFeed _feed;
    private readonly ITwinGateway _twin;
    private readonly PlantModel _plant;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveViews> _logger;
    private readonly ConcurrentDictionary<string, AssetTwinView> _assets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _warming = new(1, 1);
    private readonly Lock _gate = new();
    private ImmutableArray<Func<LiveUpdate, CancellationToken, Task>> _listeners = [];
    private IReadOnlyList<LineTwinView>? _lines;
    private long _linesReadAt;
    private bool _warm;

    public LiveViews(ITwinChangeFeed feed, ITwinGateway twin, PlantModel plant, TimeProvider time, ILogger<LiveViews> logger)
    {
        _feed = feed;
        _twin = twin;
        _plant = plant;
        _time = time;
        _logger = logger;
    }

    /// <summary>Adds a listener; dispose the result to remove it. Listeners run one after another for each batch.</summary>
    /// <param name="listener">Called with each update.</param>
    /// <returns>The registration.</returns>
    public IDisposable Listen(Func<LiveUpdate, CancellationToken, Task> listener)
    {
        lock (_gate)
        {
            _listeners = _listeners.Add(listener);
        }

        return new Registration(this, listener);
    }

    /// <summary>Gets an asset's latest view: from the cache, or read once from its grain.</summary>
    /// <param name="asset">The asset id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view.</returns>
    public async ValueTask<AssetTwinView> GetAssetAsync(string asset, CancellationToken cancellationToken = default)
    {
        if (_assets.TryGetValue(asset, out var view))
        {
            return view;
        }

        view = await _twin.GetAssetAsync(asset, cancellationToken);
        return _assets.GetOrAdd(asset, view);
    }

    /// <summary>Gets the latest view of every asset of the plant (read from the grains once, then kept current by the feed).</summary>
    /// <param name="cancellationToken">Cancels the first read.</param>
    /// <returns>The views, in the plant's element order.</returns>
    public async ValueTask<IReadOnlyList<AssetTwinView>> GetAssetsAsync(CancellationToken cancellationToken = default)
    {
        await WarmAsync(cancellationToken);
        var views = new List<AssetTwinView>();
        foreach (var element in _plant.Elements())
        {
            views.Add(await GetAssetAsync(element.Id.Value, cancellationToken));
        }

        return views;
    }

    /// <summary>Gets the lines' KPIs as last read.</summary>
    /// <param name="cancellationToken">Cancels the first read.</param>
    /// <returns>The lines.</returns>
    public async ValueTask<IReadOnlyList<LineTwinView>> GetLinesAsync(CancellationToken cancellationToken = default) =>
        _lines ?? await ReadLinesAsync(cancellationToken);

    /// <summary>Gets the alarms that are not normal, highest priority first, then newest first.</summary>
    /// <param name="cancellationToken">Cancels the first read.</param>
    /// <returns>The alarms.</returns>
    public async ValueTask<IReadOnlyList<AlarmView>> GetActiveAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<AlarmView>();
        foreach (var view in await GetAssetsAsync(cancellationToken))
        {
            if (!view.Alarms.IsDefaultOrEmpty)
            {
                list.AddRange(view.Alarms);
            }
        }

        list.Sort(static (a, b) =>
        {
            var c = b.Priority.CompareTo(a.Priority);
            return c != 0 ? c : Nullable.Compare(b.RaisedAt, a.RaisedAt);
        });
        return list;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in _feed.SubscribeAsync(stoppingToken))
            {
                try
                {
                    await ApplyAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PushFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ApplyAsync(IReadOnlyList<TwinChange> batch, CancellationToken cancellationToken)
    {
        var assets = new List<AssetTwinView>();
        var alarms = new HashSet<string>(StringComparer.Ordinal);
        bool lines = false, forecast = false;
        foreach (var change in batch)
        {
            switch (change.Kind)
            {
                case TwinChangeKind.Asset when change.View is { } view:
                    _assets[change.Key] = view;
                    assets.Add(view);
                    break;
                case TwinChangeKind.Alarm:
                    alarms.Add(change.Key);
                    break;
                case TwinChangeKind.Line:
                    lines = true;
                    break;
                case TwinChangeKind.Plant:
                    forecast = true;
                    break;
            }
        }

        if (lines || (assets.Count > 0 && _time.GetElapsedTime(Interlocked.Read(ref _linesReadAt)) >= LineRefresh))
        {
            await ReadLinesAsync(cancellationToken);
            lines = true;
        }

        var update = new LiveUpdate(assets, lines, alarms, forecast);
        foreach (var listener in _listeners)
        {
            try
            {
                await listener(update, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PushFailed(_logger, ex);
            }
        }
    }

    private async Task<IReadOnlyList<LineTwinView>> ReadLinesAsync(CancellationToken cancellationToken)
    {
        var lines = await _twin.GetLinesAsync(cancellationToken);
        Interlocked.Exchange(ref _linesReadAt, _time.GetTimestamp());
        _lines = lines;
        return lines;
    }

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _warm))
        {
            return;
        }

        await _warming.WaitAsync(cancellationToken);
        try
        {
            if (!_warm)
            {
                var elements = _plant.Elements().Select(e => e.Id.Value).Where(id => !_assets.ContainsKey(id)).ToList();
                var views = await Task.WhenAll(elements.Select(id => _twin.GetAssetAsync(id, cancellationToken)));
                foreach (var view in views)
                {
                    _assets.TryAdd(view.Asset, view);
                }

                Volatile.Write(ref _warm, true);
            }
        }
        finally
        {
            _warming.Release();
        }
    }

    private void Remove(Func<LiveUpdate, CancellationToken, Task> listener)
    {
        lock (_gate)
        {
            _listeners = _listeners.Remove(listener);
        }
    }

    private sealed class Registration(LiveViews owner, Func<LiveUpdate, CancellationToken, Task> listener) : IDisposable
    {
        public void Dispose() => owner.Remove(listener);
    }
}
