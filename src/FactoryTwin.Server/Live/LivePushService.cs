using FactoryTwin.Server.Settings;
using FactoryTwin.Twin.Abstractions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;

namespace FactoryTwin.Server.Live;

/// <summary>
/// Forwards what <see cref="LiveViews"/> takes from the twin's change feed (coalesced batches, at most one per
/// <c>Twin:ChangeInterval</c> of wall time) to the hub groups of the lines concerned: each changed asset's view as its
/// grain announced it (<c>state</c>), the lines' KPIs when they were re-read (<c>kpis</c>), the active alarms of lines
/// whose alarms changed (<c>alarms</c>, from the cached asset views), and a new shift forecast (<c>forecast</c>, to
/// users who see every line). Nothing here calls a grain except to read a new forecast once.
/// </summary>
internal sealed class LivePushService : IHostedService
{
    private readonly LiveViews _views;
    private readonly ITwinGateway _twin;
    private readonly Api.PlantView _plant;
    private readonly RuntimeSettingsStore _settings;
    private readonly IHubContext<TwinHub> _hub;
    private IDisposable? _listening;

    public LivePushService(LiveViews views, ITwinGateway twin, Api.PlantView plant, RuntimeSettingsStore settings, IHubContext<TwinHub> hub)
    {
        _views = views;
        _twin = twin;
        _plant = plant;
        _settings = settings;
        _hub = hub;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listening = _views.Listen(PushAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listening?.Dispose();
        return Task.CompletedTask;
    }

    private async Task PushAsync(LiveUpdate update, CancellationToken cancellationToken)
    {
        foreach (var view in update.Assets)
        {
            await _hub.Clients.Group(TwinHub.LineGroup(view.Line)).SendAsync("state", view, cancellationToken);
        }

        if (update.Lines)
        {
            foreach (var line in await _views.GetLinesAsync(cancellationToken))
            {
                var kpis = line with { ShiftTarget = _settings.TargetOf(line.Line, line.ShiftTarget) };
                await _hub.Clients.Group(TwinHub.LineGroup(line.Line)).SendAsync("kpis", kpis, cancellationToken);
            }
        }

        if (update.AlarmAssets.Count > 0)
        {
            // Each line's group gets that line's active alarms (an empty list clears them).
            var alarms = await _views.GetActiveAlarmsAsync(cancellationToken);
            foreach (var line in update.AlarmAssets.Select(LineOf).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var ofLine = alarms.Where(a => string.Equals(LineOf(a.Asset), line, StringComparison.Ordinal)).ToArray();
                await _hub.Clients.Group(TwinHub.LineGroup(line)).SendAsync("alarms", ofLine, cancellationToken);
            }
        }

        if (update.Forecast && await _twin.GetForecastAsync(false, cancellationToken) is { } latest)
        {
            await _hub.Clients.Group(TwinHub.AllLinesGroup).SendAsync("forecast", latest, cancellationToken);
        }
    }

    private string? LineOf(string asset) => _plant.Model.LineOf(new Model.Ids.AssetId(asset))?.Id.Value;
}
