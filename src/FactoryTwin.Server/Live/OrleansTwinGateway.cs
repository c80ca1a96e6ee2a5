using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Server.Live;

/// <summary>The gateway to the live twin's grains in the co-hosted silo (the plant grain is keyed by the site id).</summary>
internal sealed class OrleansTwinGateway : ITwinGateway
{
    private readonly IGrainFactory _grains;
    private readonly string _site;
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _time;

    public OrleansTwinGateway(IGrainFactory grains, PlantModel plant, ServerMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(plant);
        _grains = grains;
        _site = plant.Site.Id.Value;
        _metrics = metrics;
        _time = time;
    }

    public Task<AssetTwinView> GetAssetAsync(string asset, CancellationToken cancellationToken = default) =>
        _grains.GetGrain<IAssetTwinGrain>(asset).GetViewAsync(cancellationToken);

    public Task<TwinBodyCurves?> GetBodyCurvesAsync(string oven, string body, CancellationToken cancellationToken = default) =>
        _grains.GetGrain<IAssetTwinGrain>(oven).GetBodyCurvesAsync(body, cancellationToken);

    public async Task<IReadOnlyList<LineTwinView>> GetLinesAsync(CancellationToken cancellationToken = default) =>
        await _grains.GetGrain<IPlantTwinGrain>(_site).GetLinesAsync(cancellationToken);

    public async Task<IReadOnlyList<AlarmView>> GetActiveAlarmsAsync(CancellationToken cancellationToken = default) =>
        await _grains.GetGrain<IPlantTwinGrain>(_site).GetActiveAlarmsAsync(cancellationToken);

    public Task<AlarmCommandResult> AcknowledgeAsync(string asset, string alarm, string user, string? comment, CancellationToken cancellationToken = default) =>
        _grains.GetGrain<IAssetTwinGrain>(asset).AcknowledgeAlarmAsync(alarm, user, comment, cancellationToken);

    public Task<AlarmCommandResult> ShelveAsync(string asset, string alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default) =>
        _grains.GetGrain<IAssetTwinGrain>(asset).ShelveAlarmAsync(alarm, user, duration, comment, cancellationToken);

    public Task<TwinSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        _grains.GetGrain<IPlantTwinGrain>(_site).GetSnapshotAsync(cancellationToken);

    public async Task<ShiftForecastView?> GetForecastAsync(bool refresh, CancellationToken cancellationToken = default)
    {
        var plant = _grains.GetGrain<IPlantTwinGrain>(_site);
        if (!refresh)
        {
            return await plant.GetForecastAsync(cancellationToken);
        }

        var started = _time.GetTimestamp();
        var forecast = await plant.RefreshForecastAsync(cancellationToken);
        _metrics.ForecastRan(_time.GetElapsedTime(started));
        return forecast;
    }
}
