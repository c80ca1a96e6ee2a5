using System.Globalization;
using FactoryTwin.Telemetry.Ingestion;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Unhealthy when telemetry messages are pending and nothing has been committed for longer than
/// <c>Telemetry:StallTimeout</c>, naming the stage that is stuck (the store commit, its retries, or the live twin's batch
/// observers); healthy again as soon as a batch is settled.
/// </summary>
internal sealed class IngestionHealthCheck : IHealthCheck
{
    private readonly ITelemetryIngestionStatus _status;

    public IngestionHealthCheck(ITelemetryIngestionStatus status)
    {
        _status = status;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = _status.GetHealth();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["pending"] = health.Pending,
            ["stage"] = health.StageName,
            ["secondsSinceProgress"] = Math.Round(health.SinceProgress.TotalSeconds, 1),
            ["heldBytes"] = health.HeldBytes,
            ["waitingReceivers"] = health.WaitingReceivers,
        };
        if (health.IsStalled)
        {
            var description = string.Create(
                CultureInfo.InvariantCulture,
                $"Telemetry ingestion is stuck in {health.StageName}: {health.Pending} messages pending, nothing committed for {health.SinceProgress.TotalSeconds:0} s (Telemetry:StallTimeout is {health.StallTimeout.TotalSeconds:0} s).");
            return Task.FromResult(HealthCheckResult.Unhealthy(description, data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(data: data));
    }
}
