using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Historian.Hosting;

/// <summary>Runs <see cref="IHistorian.MaintainAsync"/> periodically on the injected clock.</summary>
internal sealed class HistorianMaintenanceService(IHistorian historian, IOptions<HistorianOptions> options, TimeProvider timeProvider, ILogger<HistorianMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.MaintenanceIntervalMinutes;
        if (minutes == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await historian.MaintainAsync(stoppingToken);
                Log.MaintenanceDone(logger, result.CompactedPoints, result.RolledUpPoints, result.DroppedRollups, result.DroppedPartEvents);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run (disk full, server away) is retried on the next tick; the service keeps running.
                Log.MaintenanceFailed(logger, ex);
            }
        }
    }
}
