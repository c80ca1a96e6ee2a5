using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.VirtualPlant.Releases;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Registers the MES interface: the schedule store, the cure verdict log, the reports, the plan-versus-actual reader (the
/// API's and the dashboard's), the export of each shift's performance, the schedule the virtual plant releases by and the
/// simulated completion of its open orders.
/// </summary>
internal static class MesServerExtensions
{
    public static WebApplicationBuilder AddFactoryTwinMes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MesOptions>().Bind(builder.Configuration.GetSection(MesOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var mes = sp.GetRequiredService<IOptions<MesOptions>>().Value;
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            var folder = mes.DataFolder ?? Path.Combine(server.GetDataFolder(), "mes");
            var store = new ScheduleStore(folder, sp.GetRequiredService<PlantModel>(), Math.Min(mes.MaxScheduleBytes, server.MaxRequestBodyBytes));
            if (store.LoadResult is { Succeeded: false } failed)
            {
                Log.StoredScheduleRefused(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MesServerExtensions)), store.FilePath, failed.Problems.Count, failed.Problems[0].ToString());
            }

            return store;
        });
        services.AddSingleton<CureVerdictLog>();
        services.AddHostedService(static sp => sp.GetRequiredService<CureVerdictLog>());
        services.AddSingleton<MesReports>();
        services.AddSingleton<ScheduleProgressReader>();
        services.AddHostedService<ShiftPerformanceExport>();

        // The virtual plant (when this host runs it) releases bodies by the active schedule, and the order forecast
        // simulates the same releases.
        services.AddSingleton<MesReleaseSchedule>();
        services.AddSingleton<IReleaseScheduleSource>(static sp => sp.GetRequiredService<MesReleaseSchedule>());
        services.AddSingleton<OrderForecastRefresh>();
        services.AddHostedService(static sp => sp.GetRequiredService<OrderForecastRefresh>());
        return builder;
    }
}
