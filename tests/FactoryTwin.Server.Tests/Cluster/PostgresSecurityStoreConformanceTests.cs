using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Security;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>The conformance suite on the PostgreSQL store of a cluster (a schema of its own per test), plus what only a shared store does.</summary>
public sealed class PostgresSecurityStoreConformanceTests(PostgresServerFixture postgres)
    : SecurityStoreConformanceTests, IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly List<ClusterDatabase> _databases = [];
    private string? _connectionString;

    private protected override async Task<ISecurityStore> CreateAsync()
    {
        postgres.RequireServer();
        _connectionString = await postgres.CreateSchemaAsync();
        await ClusterSchema.ApplyAsync(_connectionString, TestContext.Current.CancellationToken);
        return Reopen();
    }

    private protected override ISecurityStore Reopen()
    {
        var database = new ClusterDatabase(_connectionString!);
        _databases.Add(database);
        return new PostgresSecurityStore(database, Time);
    }

    [Fact]
    public async Task PasswordChangeOnOneNode_EndsTheSessionOnAnotherAtOnce()
    {
        var nodeA = await CreateAsync();
        var nodeC = Reopen();

        // Both nodes are running; the user and the session are made on A and checked on C.
        nodeA.TryAddUser("jack", Role.Operator, "jack-password-1", null, out var jack);
        var session = nodeA.StartSession("jack");
        Assert.NotNull(nodeC.VerifyPassword("jack", "jack-password-1"));
        Assert.True(nodeC.IsCurrentSession("jack", jack.Stamp, session));

        nodeA.TrySetPassword("jack", "jack-password-2", out var changed);
        Assert.False(nodeC.IsCurrentSession("jack", jack.Stamp, session));
        Assert.False(nodeC.IsCurrentSession("jack", changed.Stamp, session));

        var again = nodeC.StartSession("jack");
        Assert.True(nodeA.IsCurrentSession("jack", changed.Stamp, again));
        nodeA.EndSession(again);
        Assert.False(nodeC.IsCurrentSession("jack", changed.Stamp, again));
    }

    [Fact]
    public async Task IssueToken_ForAnUnknownUser_IsRefusedWithTheUserNamed()
    {
        var store = await CreateAsync();
        var error = Assert.Throws<InvalidOperationException>(() => store.IssueToken("ghost", "x", Role.Viewer, null));
        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}
