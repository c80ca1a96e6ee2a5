using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Tests.TestSupport;
using Npgsql;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// ADO.NET clustering and the twin's PostgreSQL grain storage outside cluster mode run on the same schema as a cluster,
/// and the server applies it at start: an operator runs no scripts by hand.
/// </summary>
public sealed class AdoNetOutsideClusterModeTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdoNetClusteringAndPostgresTwinStorage_OnAnEmptyDatabase_TheServerAppliesTheSchemaAndItsTwinsStoreStateThere()
    {
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync();

        await using (var server = await ServerHost.StartAsync(
            "--Server:Orleans:Clustering=AdoNet",
            "--Server:Orleans:ConnectionString=" + connectionString,
            "--Server:Orleans:ClusterId=adonet-test",
            "--Server:Orleans:ServiceId=adonet-test",
            "--Twin:Storage=Postgres",
            "--Twin:ConnectionString=" + connectionString,
            "--Server:DeviceAuthentication=false"))
        {
            Assert.Equal(ClusterSchema.Migrations.Count, await ScalarAsync(connectionString, $"SELECT count(*) FROM {ClusterSchema.VersionTable}"));
            Assert.Equal(1, await ScalarAsync(connectionString, "SELECT count(*) FROM orleans_membership_silo WHERE status = 3"));

            // A twin that receives telemetry keeps its state in the database (written at the latest at deactivation, on stop).
            await using (var device = await RawGateway.ConnectAsync(server.MqttPort, "gw-paint"))
            {
                Assert.True(await device.PublishAsync(
                    "factorytwin/v1/lakeside/paint/ecoat-oven/measure",
                    [(1L, RawGateway.Measure(1, TimeProvider.System.GetUtcNow(), "ecoat-oven-z1-air", 180))]));
            }

            using var client = server.Client(FactoryTwin.Server.Security.Role.Viewer);
            string body = "";
            await Poll.UntilAsync(
                async ValueTask<bool> (_) => (body = await client.GetStringAsync("api/v1/assets/ecoat-oven/state", Ct)).Contains("ecoat-oven-z1-air", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                () => "the oven's reading in its state: " + body,
                Ct);
        }

        Assert.True(await ScalarAsync(connectionString, "SELECT count(*) FROM orleans_grain_state") > 0, "no grain state in the database");
    }

    [Fact]
    public void AnUnreachableClusteringDatabase_FailsTheStartNamingTheSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ClusterHostingExtensions.ApplySchema("Host=127.0.0.1;Port=1;Timeout=2;Username=x;Password=x;Database=x", "Server:Orleans:ConnectionString"));
        Assert.Contains("Server:Orleans:ConnectionString", e.Message, StringComparison.Ordinal);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
