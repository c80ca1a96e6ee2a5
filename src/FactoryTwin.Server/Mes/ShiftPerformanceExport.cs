using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Writes each shift's <c>OperationsPerformance</c> against the active schedule when the shift ends
/// (<see cref="ShiftPerformanceExporter"/> on the plant clock, <see cref="MesOptions.ShiftExport"/>), into
/// <c>{Mes:DataFolder}/performance</c>, for an MES that collects files.
/// </summary>
internal sealed class ShiftPerformanceExport : BackgroundService
{
    private readonly ShiftPerformanceExporter? _exporter;

    public ShiftPerformanceExport(
        IOptions<ServerOptions> server, MesReports reports, PlantModel plant, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider clock, IOptions<MesOptions> options, ILogger<ShiftPerformanceExport> logger)
    {
        var mes = options.Value;
        if (!mes.ShiftExport)
        {
            return;
        }

        Folder = Path.Combine(Path.GetFullPath(MesServerExtensions.DataFolder(mes, server.Value)), "performance");
        _exporter = new ShiftPerformanceExporter(plant, Folder, TimeSpan.FromSeconds(mes.ShiftExportDelaySeconds), clock, (shift, ct) => reports.ComputeAsync(shift.From, shift.Until, shift.Label, ct));
        _exporter.Exported += (shift, path) => Log.ShiftPerformanceExported(logger, shift.Label, path);
        _exporter.Skipped += shift => Log.ShiftPerformanceSkipped(logger, shift.Label);
        _exporter.Failed += (shift, ex) => Log.ShiftPerformanceFailed(logger, shift.Label, ex.Message);
    }

    /// <summary>Gets the folder the documents go to, or <see langword="null"/> when the export is off.</summary>
    public string? Folder { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _exporter?.RunAsync(stoppingToken) ?? Task.CompletedTask;
}
