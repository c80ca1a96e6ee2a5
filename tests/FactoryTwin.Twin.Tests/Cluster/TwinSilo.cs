using FactoryTwin.Historian;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>Builds test clusters of twin silos sharing one fake clock and one grain-state folder per cluster.</summary>
internal static class TwinSilo
{
    // TestCluster silos are configured through a parameterless configurator type, so per-cluster settings travel here.
    private static readonly Dictionary<string, (string Folder, FakeTimeProvider Time, PlantModel Plant, IHistorian? Historian, Action<TwinOptions>? Configure)> s_clusters = [];
    private static readonly Lock s_gate = new();

    public static async Task<TestCluster> StartAsync(int silos, string folder, FakeTimeProvider time, PlantModel plant, IHistorian? historian = null, Action<TwinOptions>? configure = null)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (s_gate)
        {
            s_clusters[id] = (folder, time, plant, historian, configure);
        }

        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ClusterId = id;
        builder.Options.ServiceId = id;
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var clusterId = siloBuilder.Configuration["Orleans:ClusterId"] ?? siloBuilder.Configuration["ClusterId"];
            (string Folder, FakeTimeProvider Time, PlantModel Plant, IHistorian? Historian, Action<TwinOptions>? Configure) settings;
            lock (s_gate)
            {
                settings = clusterId is not null && s_clusters.TryGetValue(clusterId, out var s) ? s : s_clusters.Values.Last();
            }

            siloBuilder.Services.AddSingleton(settings.Plant);
            if (settings.Historian is not null)
            {
                siloBuilder.Services.AddSingleton(settings.Historian);
                siloBuilder.Services.AddSingleton((IAlarmHistory)settings.Historian);
            }

            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(TwinOptions.ClockKey, settings.Time);
            siloBuilder.AddFactoryTwin(o =>
            {
                o.DataFolder = settings.Folder;
                o.ForecastReplications = 40;
                settings.Configure?.Invoke(o);
            });
        }
    }
}
