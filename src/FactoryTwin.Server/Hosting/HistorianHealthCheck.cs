using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FactoryTwin.Server.Hosting;

/// <summary>Ready when the historian answers a query.</summary>
internal sealed class HistorianHealthCheck : IHealthCheck
{
    private static readonly SeriesId[] Probe = [new("health/probe")];
    private readonly IHistorian _historian;

    public HistorianHealthCheck(IHistorian historian)
    {
        _historian = historian;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _historian.GetLatestAsync(Probe, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The historian does not answer.", ex);
        }
    }
}
