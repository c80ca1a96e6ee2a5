using System.Text;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Mes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FactoryTwin.Server.Tests.Mes;

/// <summary>The active schedule of a cluster: stores on one database (a schema of its own per test) stand for the nodes.</summary>
public sealed class PostgresScheduleStoreTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly List<ClusterDatabase> _databases = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero));
    private string? _connectionString;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    [Fact]
    public async Task Import_OnOneNode_IsTheActiveScheduleOnAnotherAtItsNextRead()
    {
        var nodeA = await CreateAsync();
        var nodeB = Open();
        Assert.Null(nodeB.Current);
        var announced = new List<ProductionSchedule>();
        nodeB.Changed += announced.Add;

        var result = nodeA.Import(File.OpenRead(SamplePath));

        Assert.True(result.Succeeded);
        var seen = nodeB.Current;
        Assert.NotNull(seen);
        Assert.Equal(result.Schedule!.Id, seen.Id);
        Assert.Equal(8, seen.Orders.Count);
        Assert.True(nodeB.LoadResult!.Succeeded);
        Assert.Same(seen, nodeB.Current);
        Assert.Same(seen, Assert.Single(announced));
    }

    [Fact]
    public async Task Import_AgainOnTheOtherNode_ReplacesTheScheduleOnBoth()
    {
        var nodeA = await CreateAsync();
        var nodeB = Open();
        nodeA.Import(File.OpenRead(SamplePath));
        Assert.Equal(8, nodeB.Current!.Orders.Count);

        var result = nodeB.Import(Document(ScheduleDocuments.OneOrder(id: "ORD-9", quantity: "3")));

        Assert.True(result.Succeeded);
        Assert.Equal("ORD-9", Assert.Single(nodeA.Current!.Orders.Items).Id);
        Assert.Equal("ORD-9", Assert.Single(nodeB.Current!.Orders.Items).Id);
    }

    [Fact]
    public async Task Import_RefusedDocument_ChangesNeitherNodeNorTheStoredDocument()
    {
        var nodeA = await CreateAsync();
        var nodeB = Open();
        nodeA.Import(File.OpenRead(SamplePath));
        var active = nodeB.Current;
        var changes = 0;
        nodeA.Changed += _ => changes++;
        nodeB.Changed += _ => changes++;

        var result = nodeB.Import(Document(ScheduleDocuments.OneOrder(colour: "purple")));

        Assert.False(result.Succeeded);
        Assert.Equal(ScheduleProblemCode.UnknownColour, Assert.Single(result.Problems).Code);
        Assert.Same(active, nodeB.Current);
        Assert.Equal(8, nodeA.Current!.Orders.Count);
        Assert.Equal(0, changes);
        Assert.Equal(await File.ReadAllBytesAsync(SamplePath, Ct), await StoredDocumentAsync());
    }

    [Fact]
    public async Task Open_AfterARestart_LoadsTheStoredScheduleAsImported()
    {
        var node = await CreateAsync();
        node.Import(File.OpenRead(SamplePath));

        var restarted = Open();

        Assert.Equal(8, restarted.Current!.Orders.Count);
        Assert.True(restarted.LoadResult!.Succeeded);
        Assert.Equal(await File.ReadAllBytesAsync(SamplePath, Ct), await StoredDocumentAsync());
        Assert.Equal(_time.GetUtcNow().UtcDateTime, await ScalarAsync<DateTime>("SELECT imported FROM factorytwin_mes_schedule"));
    }

    [Fact]
    public async Task Open_NothingImported_HasNoScheduleAndNoLoadResult()
    {
        var node = await CreateAsync();

        Assert.Null(node.Current);
        Assert.Null(node.LoadResult);
    }

    [Fact]
    public async Task Open_StoredScheduleThisNodesPlantDoesNotFit_IsNotActiveAndSaysWhy()
    {
        var node = await CreateAsync();
        node.Import(File.OpenRead(SamplePath));

        var other = new PostgresScheduleStore(Database(), TestPlants.TwoStations, ScheduleImporter.DefaultMaxDocumentBytes, _time, NullLogger<PostgresScheduleStore>.Instance);

        Assert.Null(other.Current);
        Assert.False(other.LoadResult!.Succeeded);
        Assert.NotEmpty(other.LoadResult.Problems);
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    private async Task<PostgresScheduleStore> CreateAsync()
    {
        postgres.RequireServer();
        _connectionString = await postgres.CreateSchemaAsync();
        await ClusterSchema.ApplyAsync(_connectionString, Ct);
        return Open();
    }

    private PostgresScheduleStore Open() =>
        new(Database(), TestPlants.Automotive, ScheduleImporter.DefaultMaxDocumentBytes, _time, NullLogger<PostgresScheduleStore>.Instance);

    private ClusterDatabase Database()
    {
        var database = new ClusterDatabase(_connectionString!);
        _databases.Add(database);
        return database;
    }

    private static MemoryStream Document(string xml) => new(Encoding.UTF8.GetBytes(xml));

    private Task<byte[]> StoredDocumentAsync() => ScalarAsync<byte[]>("SELECT document FROM factorytwin_mes_schedule");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
