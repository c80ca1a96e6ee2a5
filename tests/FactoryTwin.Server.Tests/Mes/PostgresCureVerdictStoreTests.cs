using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Model.Ids;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Mes;
using Npgsql;

namespace FactoryTwin.Server.Tests.Mes;

/// <summary>The cure verdicts of a cluster: stores on one database (a schema of its own per test) stand for the nodes.</summary>
public sealed class PostgresCureVerdictStoreTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly List<ClusterDatabase> _databases = [];
    private string? _connectionString;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BodyQuality Verdict(string body, string verdict = "ok", double index = 0.25, int minute = 0) =>
        new(body, new AssetId("topcoat-oven"), verdict, index, "roof", Noon.AddMinutes(minute));

    [Fact]
    public async Task Append_OnTwoNodes_EveryNodeReadsEachBodysLastVerdictInTheOrderWritten()
    {
        var nodeA = await CreateAsync(100);
        var nodeB = Open(100);

        await nodeA.AppendAsync([Verdict("B-1", minute: 1), Verdict("B-2", "under-cured", -0.125, 2), Verdict("B-1", "over-baked", -0.5, 3)], Ct);
        await nodeB.AppendAsync([Verdict("B-3", minute: 4), Verdict("B-2", "under-cured", -0.25, 5)], Ct);

        foreach (var node in new[] { nodeA, nodeB, Open(100) })
        {
            var read = await node.LoadAsync(Ct);
            Assert.Equal(["B-1", "B-3", "B-2"], read.Select(v => v.PartId));
            Assert.Equal(Verdict("B-1", "over-baked", -0.5, 3), read[0]);
            Assert.Equal(Verdict("B-2", "under-cured", -0.25, 5), read[2]);
        }
    }

    [Fact]
    public async Task Append_MoreBodiesThanItKeeps_TheFirstWriteKeepsTheNewest()
    {
        var store = await CreateAsync(3);

        await store.AppendAsync([.. Enumerable.Range(1, 5).Select(i => Verdict($"B-{i}", minute: i))], Ct);

        Assert.Equal(3L, await ScalarAsync<long>($"SELECT count(*) FROM {PostgresCureVerdictStore.Table}"));
        Assert.Equal(3, (await Open(3).LoadAsync(Ct)).Count);
        Assert.Equal(2, (await Open(2).LoadAsync(Ct)).Count);
    }

    [Fact]
    public async Task Load_EmptyTable_IsEmpty()
    {
        var store = await CreateAsync(10);

        Assert.Empty(await store.LoadAsync(Ct));
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    private async Task<PostgresCureVerdictStore> CreateAsync(int capacity)
    {
        postgres.RequireServer();
        _connectionString = await postgres.CreateSchemaAsync();
        await ClusterSchema.ApplyAsync(_connectionString, Ct);
        return Open(capacity);
    }

    private PostgresCureVerdictStore Open(int capacity)
    {
        var database = new ClusterDatabase(_connectionString!);
        _databases.Add(database);
        return new PostgresCureVerdictStore(database, capacity);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
