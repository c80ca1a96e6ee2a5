using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Cluster;
using Npgsql;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// The cluster schema: FactoryTwin's tables for the Orleans ADO.NET providers and for the shared state, applied once, in
/// order, and only what is new. (The providers themselves, on this schema, are tested in AdoNetClusteringTests,
/// AdoNetGrainStorageTests and AdoNetReminderTests.)
/// </summary>
public sealed class ClusterSchemaTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Migrations_AreNumberedWithoutGapsAndEachSaysWhatItIs()
    {
        var versions = ClusterSchema.Migrations.Select(m => m.Version).ToArray();
        Assert.Equal(Enumerable.Range(1, versions.Length), versions);
        Assert.Equal(["orleans-queries", "orleans-clustering", "orleans-persistence", "orleans-reminders", "factorytwin-shared-state", "factorytwin-mes-schedule", "factorytwin-mes-cure-verdicts"], ClusterSchema.Migrations.Select(m => m.Name));
        Assert.All(ClusterSchema.Migrations, m => Assert.StartsWith("-- FactoryTwin", m.Sql, StringComparison.Ordinal));
        Assert.All(
            ClusterSchema.Migrations.Where(m => m.Name.StartsWith("orleans-", StringComparison.Ordinal)),
            m => Assert.Contains("Orleans ADO.NET", m.Sql.Split('\n')[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_Twice_AppliesEveryScriptOnceAndThenNothing()
    {
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync();
        var first = await ClusterSchema.ApplyAsync(connectionString, Ct);
        var second = await ClusterSchema.ApplyAsync(connectionString, Ct);

        Assert.Equal(ClusterSchema.Migrations.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(ClusterSchema.Migrations.Count, await ScalarAsync<long>(connectionString, $"SELECT count(*) FROM {ClusterSchema.VersionTable}"));

        // The Orleans providers read their statements from OrleansQuery: every key the 10.4.2 providers ask for is
        // there (clustering: 9 required; persistence: 3 required and DeleteStorageKey for DeleteStateOnClear;
        // reminders: 7 required), and nothing else.
        string[] keys =
        [
            "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "UpdateMembershipKey",
            "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Equal(keys.Order(StringComparer.Ordinal), await ColumnAsync(connectionString, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\""));
    }

    [Fact]
    public async Task ApplyAsync_OnAnOlderSchema_AppliesOnlyTheNewScripts()
    {
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync();
        await ClusterSchema.ApplyAsync(connectionString, Ct);

        // A database made by a release that shipped the scripts up to the MES schedule, with data written since: undo
        // the newest script (the cure verdicts table) and keep the rest.
        var newest = ClusterSchema.Migrations[^1];
        Assert.Equal("factorytwin-mes-cure-verdicts", newest.Name);
        await ExecuteAsync(connectionString, $"""
            DROP TABLE factorytwin_mes_cure_verdicts;
            DROP SEQUENCE factorytwin_mes_cure_verdicts_written;
            DELETE FROM {ClusterSchema.VersionTable} WHERE version = {newest.Version};
            INSERT INTO factorytwin_settings (id, document) VALUES (1, '"kept"');
            INSERT INTO orleans_membership_version (deployment_id) VALUES ('kept');
            INSERT INTO orleans_grain_state (service_id, state_name, grain_key_n0, grain_key_n1, grain_key_text, payload, version)
                VALUES ('kept', 'asset', 0, 0, 'press-1', '\x01', 3);
            """);

        var applied = await ClusterSchema.ApplyAsync(connectionString, Ct);
        Assert.Equal([newest.Version], applied);
        Assert.Equal(0L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM factorytwin_mes_cure_verdicts"));
        Assert.Equal(1L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM factorytwin_settings"));
        Assert.Equal(1L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = 'kept'"));
        Assert.Equal(3, await ScalarAsync<int>(connectionString, "SELECT version FROM orleans_grain_state WHERE service_id = 'kept'"));
    }

    [Fact]
    public async Task ApplyAsync_ManyNodesAtOnce_AppliesEachScriptOnce()
    {
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ClusterSchema.ApplyAsync(connectionString, Ct), Ct)));
        Assert.Equal(ClusterSchema.Migrations.Count, results.Sum(r => r.Count));
    }

    [Fact]
    public async Task ApplyAsync_UnreachableDatabase_FailsWithTheServerNamed()
    {
        var port = FreePorts.Next();
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(
            () => ClusterSchema.ApplyAsync($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2", Ct));
        Assert.Contains("127.0.0.1", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
