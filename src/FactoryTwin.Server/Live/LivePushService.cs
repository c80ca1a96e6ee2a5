using FactoryTwin.Server.Settings;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Server.Live;

/// <summary>
/// Forwards the live twin's change feed (<see cref="ITwinChangeFeed"/>: coalesced batches, at most one per
/// <c>Twin:ChangeInterval</c>) to the hub groups of the lines concerned: each changed asset's view (<c>state</c>), the
/// KPIs of the lines whose assets or parts changed (<c>kpis</c>), the active alarms of lines whose alarms changed
/// (<c>alarms</c>), and a refreshed shift forecast (<c>forecast</c>, to users who see every line). The feed carries the
/// twins activated in this process.
/// </summary>
internal sealed class LivePushService : BackgroundService
{
    private readonly ITwinChangeFeed _feed;
    private readonly ITwinGateway _twin;
    private readonly Api.PlantView _plant;
    private readonly RuntimeSettingsStore _settings;
    private readonly IHubContext<TwinHub> _hub;
    private readonly ILogger<LivePushService> _logger;

    public LivePushService(
        ITwinChangeFeed feed, ITwinGateway twin, Api.PlantView plant, RuntimeSettingsStore settings, IHubContext<TwinHub> hub, ILogger<LivePushService> logger)
    {
        _feed = feed;
        _twin = twin;
        _plant = plant;
        _settings = settings;
        _hub = hub;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_twin.IsAvailable)
        {
            return;
        }

        try
        {
            await foreach (var batch in _feed.SubscribeAsync(stoppingToken))
            {
                try
                {
                    await PushAsync(batch, stoppingToken);
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

    private async Task PushAsync(IReadOnlyList<TwinChange> batch, CancellationToken cancellationToken)
    {
        var assets = new List<string>();
        var kpiLines = new HashSet<string>(StringComparer.Ordinal);
        var alarmLines = new HashSet<string>(StringComparer.Ordinal);
        var forecast = false;
        foreach (var change in batch)
        {
            switch (change.Kind)
            {
                case TwinChangeKind.Asset when LineOf(change.Key) is { } line:
                    assets.Add(change.Key);
                    kpiLines.Add(line);
                    break;
                case TwinChangeKind.Alarm when LineOf(change.Key) is { } line:
                    alarmLines.Add(line);
                    break;
                case TwinChangeKind.Line:
                    kpiLines.Add(change.Key);
                    break;
                case TwinChangeKind.Plant:
                    forecast = true;
                    break;
            }
        }

        var views = new Task<AssetTwinView>[assets.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = _twin.GetAssetAsync(assets[i], cancellationToken);
        }

        foreach (var view in await Task.WhenAll(views))
        {
            await _hub.Clients.Group(TwinHub.LineGroup(view.Line)).SendAsync("state", view, cancellationToken);
        }

        if (kpiLines.Count > 0)
        {
            foreach (var line in await _twin.GetLinesAsync(cancellationToken))
            {
                if (kpiLines.Contains(line.Line))
                {
                    var kpis = line with { ShiftTarget = _settings.TargetOf(line.Line, line.ShiftTarget) };
                    await _hub.Clients.Group(TwinHub.LineGroup(line.Line)).SendAsync("kpis", kpis, cancellationToken);
                }
            }
        }

        if (alarmLines.Count > 0)
        {
            // Each line's group gets that line's active alarms (an empty list clears them).
            var alarms = await _twin.GetActiveAlarmsAsync(cancellationToken);
            foreach (var line in alarmLines)
            {
                var ofLine = alarms.Where(a => string.Equals(LineOf(a.Asset), line, StringComparison.Ordinal)).ToArray();
                await _hub.Clients.Group(TwinHub.LineGroup(line)).SendAsync("alarms", ofLine, cancellationToken);
            }
        }

        if (forecast && await _twin.GetForecastAsync(false, cancellationToken) is { } latest)
        {
            await _hub.Clients.Group(TwinHub.AllLinesGroup).SendAsync("forecast", latest, cancellationToken);
        }
    }

    private string? LineOf(string asset) => _plant.AssetsById.TryGetValue(asset, out var dto) ? dto.Line : null;
}
