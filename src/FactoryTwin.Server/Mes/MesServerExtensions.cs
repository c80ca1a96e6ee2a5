using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Cluster;
using FactoryTwin.VirtualPlant.Releases;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Registers the MES interface: the schedule store and the cure verdicts of the bodies that left an oven (files, or in a
/// cluster the database), the cure verdict log, the reports, the plan-versus-actual reader (the
/// API's and the dashboard's), the export of each shift's performance, the schedule the virtual plant releases by and the
/// simulated completion of its open orders.
/// </summary>
internal static class MesServerExtensions
{
    /// <summary>Registers the MES services.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="cluster">The cluster's database, where the active schedule is kept in a cluster; <see langword="null"/>
    /// keeps it in <c>{Mes:DataFolder}/schedule.xml</c>.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddFactoryTwinMes(this WebApplicationBuilder builder, ClusterDatabase? cluster = null)
    {
        var services = builder.Services;
        services.AddOptions<MesOptions>().Bind(builder.Configuration.GetSection(MesOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IScheduleStore>(sp =>
        {
            var mes = sp.GetRequiredService<IOptions<MesOptions>>().Value;
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            var plant = sp.GetRequiredService<PlantModel>();
            var maxBytes = Math.Min(mes.MaxScheduleBytes, server.MaxRequestBodyBytes);

            // Every node of a cluster reads the one schedule in the database (an import on any node holds on all).
            if (cluster is not null)
            {
                return new PostgresScheduleStore(cluster, plant, maxBytes, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresScheduleStore>>());
            }

            var store = new ScheduleStore(DataFolder(mes, server), plant, maxBytes);
            if (store.LoadResult is { Succeeded: false } failed)
            {
                Log.StoredScheduleRefused(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MesServerExtensions)), store.FilePath, failed.Problems.Count, failed.Problems[0].ToString());
            }

            return store;
        });
        services.AddSingleton<ICureVerdictStore>(sp =>
        {
            var mes = sp.GetRequiredService<IOptions<MesOptions>>().Value;
            return cluster is not null
                ? new PostgresCureVerdictStore(cluster, mes.RememberedCureVerdicts)
                : new CureVerdictFile(DataFolder(mes, sp.GetRequiredService<IOptions<ServerOptions>>().Value), mes.RememberedCureVerdicts);
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

    /// <summary>Gets the MES data folder: <see cref="MesOptions.DataFolder"/>, or <c>{Server:DataFolder}/mes</c>.</summary>
    internal static string DataFolder(MesOptions mes, ServerOptions server) => mes.DataFolder ?? Path.Combine(server.GetDataFolder(), "mes");
}
