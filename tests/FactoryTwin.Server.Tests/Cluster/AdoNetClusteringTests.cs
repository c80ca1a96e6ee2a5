using System.Net;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// Orleans' ADO.NET clustering provider 10.4.2 on FactoryTwin's membership schema (Cluster/Sql/0002-orleans-clustering.sql)
/// in a real PostgreSQL: silos and a client that find each other through it, and the provider's table contract
/// (optimistic concurrency on the table version, heartbeat, clean-up, deletion) driven through the provider itself.
/// </summary>
public sealed class AdoNetClusteringTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly DateTime T0 = new(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoSilos_JoinAndLeave_TheMembershipTableAndTheGatewayListFollow()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        var cluster = AdoNetSilo.NewClusterId();
        await using var a = await AdoNetSilo.StartAsync(connectionString, cluster, Ct);
        await using var b = await AdoNetSilo.StartAsync(connectionString, cluster, Ct);

        // Both joined: active in the table, as a silo reads it through the provider, every row at the table's version.
        var table = a.Services.GetRequiredService<IMembershipTable>();
        var members = await table.ReadAllAsync(Ct);
        Assert.Equal(Sorted(a.Address, b.Address), Sorted([.. members.Members.Where(m => m.Item1.Status == SiloStatus.Active).Select(m => m.Item1.SiloAddress)]));
        Assert.All(members.Members, m => Assert.Equal(members.Version.VersionEtag, m.Item2));

        // A client finds both gateways in the table and reaches a grain through them.
        using var client = await StartClientAsync(connectionString, cluster);
        var gateways = client.Services.GetRequiredService<IGatewayListProvider>();
        Assert.Equal(Sorted(a, b), Sorted(await gateways.GetGatewaysAsync(Ct)));
        Assert.Contains(await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("via-gateway").GetSiloAsync(Ct), new[] { a.Address.ToString(), b.Address.ToString() });

        // B leaves: its row is dead, A's still active, and the gateway list is A's alone.
        await b.StopAsync(Ct);
        members = await table.ReadAllAsync(Ct);
        Assert.Equal(SiloStatus.Dead, members.Members.Single(m => m.Item1.SiloAddress.Equals(b.Address)).Item1.Status);
        Assert.Equal(SiloStatus.Active, members.Members.Single(m => m.Item1.SiloAddress.Equals(a.Address)).Item1.Status);
        Assert.Equal(Sorted(a), Sorted(await gateways.GetGatewaysAsync(Ct)));
        await client.StopAsync(Ct);
    }

    [Fact]
    public async Task InsertAndUpdate_WithAStaleTableVersion_AreRejectedAndChangeNothing()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var table = NewTable(services, await AdoNetSilo.CreateDatabaseAsync(postgres, Ct), AdoNetSilo.NewClusterId());
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        var v0 = (await table.ReadAllAsync(Ct)).Version;

        var first = Entry(11001);
        Assert.True(await table.InsertRowAsync(first, v0.Next(), Ct));
        var read = await table.ReadAllAsync(Ct);
        var v1 = read.Version;
        Assert.Equal(v0.Version + 1, v1.Version);
        var (stored, etag) = Assert.Single(read.Members);
        AssertSame(first, stored);

        // A second start of the table version does not reset it.
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        Assert.Equal(v1.Version, (await table.ReadAllAsync(Ct)).Version.Version);

        // Written with the version read before the first join: rejected. The same silo twice: rejected.
        Assert.False(await table.InsertRowAsync(Entry(11002), v0.Next(), Ct));
        Assert.False(await table.InsertRowAsync(first, v1.Next(), Ct));
        var changed = Entry(11001, SiloStatus.Active);
        Assert.False(await table.UpdateRowAsync(changed, v0.VersionEtag, v0.Next(), Ct));
        read = await table.ReadAllAsync(Ct);
        Assert.Equal(v1.Version, read.Version.Version);
        AssertSame(first, Assert.Single(read.Members).Item1);

        // With the current version and etag: status, suspicions and heartbeat change, and the version moves on.
        changed.SuspectTimes = [Tuple.Create(Entry(11003).SiloAddress, T0.AddSeconds(3))];
        changed.IAmAliveTime = T0.AddSeconds(5);
        Assert.True(await table.UpdateRowAsync(changed, etag, v1.Next(), Ct));
        read = await table.ReadAllAsync(Ct);
        Assert.Equal(v1.Version + 1, read.Version.Version);
        AssertSame(changed, Assert.Single(read.Members).Item1);
        var row = await table.ReadRowAsync(first.SiloAddress, Ct);
        AssertSame(changed, Assert.Single(row.Members).Item1);
        Assert.Equal(read.Version.Version, row.Version.Version);

        // A silo without a row: its read gives the version alone; its update is rejected.
        var none = await table.ReadRowAsync(Entry(11009).SiloAddress, Ct);
        Assert.Empty(none.Members);
        Assert.Equal(read.Version.Version, none.Version.Version);
        Assert.False(await table.UpdateRowAsync(Entry(11009), read.Version.VersionEtag, read.Version.Next(), Ct));
    }

    [Fact]
    public async Task ConcurrentJoins_FromOneTableVersion_OnlyOneSucceeds()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var table = NewTable(services, await AdoNetSilo.CreateDatabaseAsync(postgres, Ct), AdoNetSilo.NewClusterId());
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        var v0 = (await table.ReadAllAsync(Ct)).Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => table.InsertRowAsync(Entry(12000 + i), v0.Next(), Ct)));

        Assert.Single(results, r => r);
        var read = await table.ReadAllAsync(Ct);
        Assert.Single(read.Members);
        Assert.Equal(v0.Version + 1, read.Version.Version);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesTheHeartbeatOnly()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var table = NewTable(services, await AdoNetSilo.CreateDatabaseAsync(postgres, Ct), AdoNetSilo.NewClusterId());
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        var entry = Entry(13001);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        var before = await table.ReadAllAsync(Ct);

        var beat = Entry(13001, SiloStatus.Dead);
        beat.IAmAliveTime = T0.AddMinutes(1);
        await table.UpdateIAmAliveAsync(beat, Ct);

        var after = await table.ReadAllAsync(Ct);
        Assert.Equal(before.Version.Version, after.Version.Version);
        var stored = Assert.Single(after.Members).Item1;
        Assert.Equal(T0.AddMinutes(1), stored.IAmAliveTime);
        Assert.Equal(SiloStatus.Joining, stored.Status);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesDeadSilosSilentSinceTheDateOnly()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var table = NewTable(services, await AdoNetSilo.CreateDatabaseAsync(postgres, Ct), AdoNetSilo.NewClusterId());
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        var deadLongAgo = Entry(14001, SiloStatus.Dead);
        var deadRecently = Entry(14002, SiloStatus.Dead);
        deadRecently.IAmAliveTime = T0.AddHours(2);
        var activeLongAgo = Entry(14003, SiloStatus.Active);
        foreach (var entry in new[] { deadLongAgo, deadRecently, activeLongAgo })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        }

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(T0.AddHours(1)), Ct);

        Assert.Equal(
            Sorted(deadRecently.SiloAddress, activeLongAgo.SiloAddress),
            Sorted([.. (await table.ReadAllAsync(Ct)).Members.Select(m => m.Item1.SiloAddress)]));
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_RemovesOneClusterAndLeavesTheOthers()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        using var services = new ServiceCollection().BuildServiceProvider();
        var cluster = AdoNetSilo.NewClusterId();
        var table = NewTable(services, connectionString, cluster);
        var other = NewTable(services, connectionString, AdoNetSilo.NewClusterId());
        foreach (var t in new[] { table, other })
        {
            await t.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
            Assert.True(await t.InsertRowAsync(Entry(15001), (await t.ReadAllAsync(Ct)).Version.Next(), Ct));
        }

        await table.DeleteMembershipTableEntriesAsync(cluster, Ct);

        // The deleted cluster starts again from an empty table at version 0; the other one is as it was.
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        var empty = await table.ReadAllAsync(Ct);
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);
        Assert.Single((await other.ReadAllAsync(Ct)).Members);
    }

    // The provider itself, outside a silo, for one cluster of the schema.
    private static AdoNetClusteringTable NewTable(IServiceProvider services, string connectionString, string cluster) => new(
        services,
        Options.Create(new ClusterOptions { ClusterId = cluster, ServiceId = cluster }),
        Options.Create(new AdoNetClusteringSiloOptions { Invariant = TwinSiloBuilderExtensions.PostgresInvariant, ConnectionString = connectionString }),
        NullLogger<AdoNetClusteringTable>.Instance);

    // A silo on loopback port `port` (generation 7), joining, started and last alive at T0 (whole seconds: PostgreSQL
    // keeps microseconds).
    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7),
        SiloName = "silo-" + port,
        HostName = "host-" + port,
        Status = status,
        ProxyPort = port + 1000,
        StartTime = T0,
        IAmAliveTime = T0,
    };

    private static void AssertSame(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(
            expected.SuspectTimes?.Select(s => (s.Item1, s.Item2)) ?? [],
            actual.SuspectTimes?.Select(s => (s.Item1, s.Item2)) ?? []);
    }

    private static string[] Sorted(params SiloAddress[] silos) => [.. silos.Select(s => s.ToString()).Order(StringComparer.Ordinal)];

    private static string[] Sorted(params AdoNetSilo[] silos) =>
        [.. silos.Select(s => s.GatewayAddress.Endpoint.ToString()).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IList<Uri> gateways) => [.. gateways.Select(g => g.Authority).Order(StringComparer.Ordinal)];

    private static async Task<IHost> StartClientAsync(string connectionString, string cluster)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster;
                o.ServiceId = cluster;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = TwinSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }
}
