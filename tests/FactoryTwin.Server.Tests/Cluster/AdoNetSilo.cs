using System.Net;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// An in-process Orleans silo on the cluster schema (<see cref="ClusterSchema"/>): ADO.NET clustering, two grain
/// storages (<see cref="Store"/> and <see cref="DeletingStore"/>, which deletes the row on clear) and reminders, all
/// on PostgreSQL, as <c>serve</c> in cluster mode configures them; silos of one cluster run in one test process on
/// loopback ports.
/// </summary>
internal sealed class AdoNetSilo : IAsyncDisposable
{
    /// <summary>The grain storage that keeps a cleared state's row (and version).</summary>
    public const string Store = "store";

    /// <summary>The grain storage that deletes a cleared state's row (<c>DeleteStateOnClear</c>).</summary>
    public const string DeletingStore = "deleting-store";

    private readonly IHost _host;
    private bool _stopped;

    private AdoNetSilo(IHost host) => _host = host;

    /// <summary>Gets the silo's grain factory: grains with <c>[PreferLocalPlacement]</c> called through it activate on this silo.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Gets the silo's address, as its membership row names it.</summary>
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Gets the silo's gateway address, the one clients connect to.</summary>
    public SiloAddress GatewayAddress => _host.Services.GetRequiredService<ILocalSiloDetails>().GatewayAddress!;

    /// <summary>Gets the silo's services (its providers: the grain storages, the reminder and membership tables).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Gets a grain storage of the silo by name.</summary>
    public IGrainStorage Storage(string name) => _host.Services.GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>
    /// Makes an empty schema on the test server and applies the cluster schema to it; skips the test when no server
    /// runs. The sessions use a time zone other than UTC, so a timestamp written or read in local time would show.
    /// </summary>
    /// <returns>The connection string of the schema.</returns>
    public static async Task<string> CreateDatabaseAsync(PostgresServerFixture postgres, CancellationToken cancellationToken)
    {
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync() + ";Timezone=Asia/Kolkata";
        await ClusterSchema.ApplyAsync(connectionString, cancellationToken);
        return connectionString;
    }

    /// <summary>A new cluster (and service) id, so tests on one schema do not meet.</summary>
    public static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Starts a silo of <paramref name="cluster"/> (its cluster and service id) on the database of <paramref name="connectionString"/>.</summary>
    public static async Task<AdoNetSilo> StartAsync(string connectionString, string cluster, CancellationToken cancellationToken)
    {
        var ports = FreePorts.Take(2);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster;
                o.ServiceId = cluster;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1]);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(Store, o =>
            {
                o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(DeletingStore, o =>
            {
                o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
            });

            // Reminders every second, not every minute (Orleans' floor), so that a test sees them fire.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new AdoNetSilo(host);
    }

    /// <summary>Stops the silo gracefully: it leaves the cluster (its membership row becomes dead) and its grains deactivate.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
