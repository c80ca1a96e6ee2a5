using FactoryTwin.Server.Security;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// What every <see cref="ISecurityStore"/> does, run against each implementation (the file of one node and the
/// PostgreSQL tables of a cluster), so the two cannot drift apart.
/// </summary>
public abstract class SecurityStoreConformanceTests
{
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store on a fresh, empty backing.</summary>
    private protected abstract Task<ISecurityStore> CreateAsync();

    /// <summary>Creates another store on the backing of the last <see cref="CreateAsync"/> (a restart, or another node).</summary>
    private protected abstract ISecurityStore Reopen();

    [Fact]
    public async Task TryAddUser_NameTakenInAnyCase_IsRefusedAndFindUserIgnoresCase()
    {
        var store = await CreateAsync();
        Assert.True(store.TryAddUser("Alice", Role.Engineer, "alice-password-1", ["body"], out var alice));
        Assert.False(store.TryAddUser("ALICE", Role.Viewer, "another-password", null, out _));

        var found = store.FindUser("alice");
        Assert.NotNull(found);
        Assert.Equal("Alice", found.Name);
        Assert.Equal(Role.Engineer, found.Role);
        Assert.Equal(["body"], found.Lines);
        Assert.Equal(alice.Stamp, found.Stamp);
        Assert.DoesNotContain("alice-password-1", found.PasswordHash, StringComparison.Ordinal);
        Assert.Null(store.FindUser("bob"));
    }

    [Fact]
    public async Task VerifyPassword_RightWrongAndUnknown_OnlyRightReturnsTheUser()
    {
        var store = await CreateAsync();
        store.TryAddUser("carol", Role.Viewer, "carol-password-1", null, out _);
        Assert.Equal("carol", store.VerifyPassword("carol", "carol-password-1")?.Name);
        Assert.Null(store.VerifyPassword("carol", "carol-password-2"));
        Assert.Null(store.VerifyPassword("nobody", "carol-password-1"));
    }

    [Fact]
    public async Task EnsureAdministrator_Twice_CreatesOneAdministratorOnce()
    {
        var store = await CreateAsync();
        var password = store.EnsureAdministrator("admin");
        Assert.NotNull(password);
        Assert.Null(store.EnsureAdministrator("admin"));
        Assert.Equal(Role.Admin, store.VerifyPassword("admin", password)?.Role);
        Assert.Single(store.Users, u => u.Role == Role.Admin);
    }

    [Fact]
    public async Task Users_AreListedByNameIgnoringCase()
    {
        var store = await CreateAsync();
        foreach (var name in new[] { "zoe", "Adam", "mia" })
        {
            store.TryAddUser(name, Role.Viewer, "password-of-" + name, null, out _);
        }

        Assert.Equal(["Adam", "mia", "zoe"], store.Users.Select(u => u.Name));
    }

    [Fact]
    public async Task ValidateToken_RoleIsTheLowerOfTokenAndUser_AndRevokedExpiredOrForgedTokensFail()
    {
        var store = await CreateAsync();
        store.TryAddUser("mes", Role.Operator, "mes-password-123", null, out _);
        var (record, token) = store.IssueToken("mes", "MES", Role.Admin, Time.GetUtcNow().AddHours(1));
        var valid = store.ValidateToken(token);
        Assert.NotNull(valid);
        Assert.Equal(Role.Operator, valid.Value.Role);
        Assert.Equal(record.Id, valid.Value.Token.Id);
        Assert.DoesNotContain(token, store.Tokens.Select(t => t.Hash));

        Assert.Null(store.ValidateToken(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(store.ValidateToken("ft_" + record.Id));
        Assert.Null(store.ValidateToken("not-a-token"));

        Time.Advance(TimeSpan.FromHours(2));
        Assert.Null(store.ValidateToken(token));

        var (second, secondToken) = store.IssueToken("mes", "MES 2", Role.Viewer, null);
        Assert.Equal(Role.Viewer, store.ValidateToken(secondToken)?.Role);
        Assert.True(store.RevokeToken(second.Id));
        Assert.False(store.RevokeToken(second.Id));
        Assert.Null(store.ValidateToken(secondToken));
    }

    [Fact]
    public async Task DeleteUser_RemovesItsTokensAndSessions()
    {
        var store = await CreateAsync();
        store.TryAddUser("dave", Role.Engineer, "dave-password-1", null, out var dave);
        var (_, token) = store.IssueToken("dave", "script", Role.Engineer, null);
        var session = store.StartSession("dave");
        Assert.True(store.IsCurrentSession("dave", dave.Stamp, session));

        Assert.True(store.DeleteUser("DAVE"));
        Assert.False(store.DeleteUser("dave"));
        Assert.Null(store.FindUser("dave"));
        Assert.Null(store.ValidateToken(token));
        Assert.Empty(store.Tokens);
        Assert.False(store.IsCurrentSession("dave", dave.Stamp, session));
    }

    [Fact]
    public async Task TrySetPassword_ReplacesHashAndStamp_AndEndsEverySessionOfTheUser()
    {
        var store = await CreateAsync();
        store.TryAddUser("erin", Role.Viewer, "erin-password-1", null, out var erin);
        store.TryAddUser("frank", Role.Viewer, "frank-password-1", null, out var frank);
        var first = store.StartSession("erin");
        var second = store.StartSession("erin");
        var other = store.StartSession("frank");

        Assert.True(store.TrySetPassword("erin", "erin-password-2", out var changed));
        Assert.NotEqual(erin.Stamp, changed.Stamp);
        Assert.Null(store.VerifyPassword("erin", "erin-password-1"));
        Assert.NotNull(store.VerifyPassword("erin", "erin-password-2"));
        Assert.False(store.IsCurrentSession("erin", erin.Stamp, first));
        Assert.False(store.IsCurrentSession("erin", changed.Stamp, second));
        Assert.True(store.IsCurrentSession("frank", frank.Stamp, other));
        Assert.False(store.TrySetPassword("nobody", "whatever-password", out _));
    }

    [Fact]
    public async Task Sessions_EndOnSignOutStaleStampOrIdleLimit_AndTouchRestartsTheLimit()
    {
        var store = await CreateAsync();
        store.TryAddUser("gina", Role.Viewer, "gina-password-1", null, out var gina);
        var session = store.StartSession("gina");
        Assert.True(store.IsCurrentSession("gina", gina.Stamp, session));
        Assert.False(store.IsCurrentSession("gina", "stale-stamp", session));
        Assert.False(store.IsCurrentSession("gina", gina.Stamp, "forged-session"));
        Assert.False(store.IsCurrentSession("gina", null, session));

        Time.Advance(SecurityStore.SessionIdleLimit - TimeSpan.FromMinutes(1));
        store.TouchSession(session);
        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(store.IsCurrentSession("gina", gina.Stamp, session));

        Assert.True(store.EndSession(session));
        Assert.False(store.EndSession(session));
        Assert.False(store.IsCurrentSession("gina", gina.Stamp, session));

        var idle = store.StartSession("gina");
        Time.Advance(SecurityStore.SessionIdleLimit);
        Assert.False(store.IsCurrentSession("gina", gina.Stamp, idle));
    }

    [Fact]
    public async Task StartSession_BeyondTheLimit_EndsTheLeastRecentlyUsedSession()
    {
        var store = await CreateAsync();
        store.TryAddUser("hank", Role.Viewer, "hank-password-1", null, out var hank);
        var sessions = new List<string>();
        for (var i = 0; i < SecurityStore.MaxSessionsPerUser; i++)
        {
            sessions.Add(store.StartSession("hank"));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        // The first is used again, so the second is the least recently used.
        store.TouchSession(sessions[0]);
        Time.Advance(TimeSpan.FromSeconds(1));
        var newest = store.StartSession("hank");
        Assert.True(store.IsCurrentSession("hank", hank.Stamp, newest));
        Assert.True(store.IsCurrentSession("hank", hank.Stamp, sessions[0]));
        Assert.False(store.IsCurrentSession("hank", hank.Stamp, sessions[1]));
        Assert.True(store.IsCurrentSession("hank", hank.Stamp, sessions[2]));
    }

    [Fact]
    public async Task Devices_IssueReplaceVerifyAndDelete()
    {
        var store = await CreateAsync();
        var (record, password) = store.IssueDevice("gw-body", ["body"]);
        Assert.Equal(["body"], store.VerifyDevice("gw-body", password)?.Lines);
        Assert.Null(store.VerifyDevice("gw-body", password + "x"));
        Assert.Null(store.VerifyDevice("gw-paint", password));
        Assert.DoesNotContain(password, record.Hash, StringComparison.Ordinal);

        var (_, replaced) = store.IssueDevice("gw-body", ["body", "paint"]);
        Assert.Null(store.VerifyDevice("gw-body", password));
        Assert.Equal(["body", "paint"], store.VerifyDevice("gw-body", replaced)?.Lines);
        store.IssueDevice("gw-assembly", ["assembly"]);
        Assert.Equal(["gw-assembly", "gw-body"], store.Devices.Select(d => d.Id));

        Assert.True(store.DeleteDevice("gw-body"));
        Assert.False(store.DeleteDevice("gw-body"));
        Assert.Null(store.VerifyDevice("gw-body", replaced));
    }

    [Fact]
    public async Task AnotherStoreOnTheSameBacking_SeesUsersTokensDevicesAndSessions()
    {
        var store = await CreateAsync();
        store.TryAddUser("ivy", Role.Engineer, "ivy-password-1", null, out var ivy);
        var (_, token) = store.IssueToken("ivy", "report", Role.Viewer, null);
        var (_, device) = store.IssueDevice("gw-paint", ["paint"]);
        var session = store.StartSession("ivy");

        var other = Reopen();
        Assert.NotNull(other.VerifyPassword("ivy", "ivy-password-1"));
        Assert.Equal(Role.Viewer, other.ValidateToken(token)?.Role);
        Assert.NotNull(other.VerifyDevice("gw-paint", device));
        Assert.True(other.IsCurrentSession("ivy", ivy.Stamp, session));
    }
}

/// <summary>The conformance suite on the file store of one node.</summary>
public sealed class FileSecurityStoreConformanceTests : SecurityStoreConformanceTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-security-" + Guid.NewGuid().ToString("N"));

    private protected override Task<ISecurityStore> CreateAsync() => Task.FromResult(Reopen());

    private protected override ISecurityStore Reopen() =>
        new SecurityStore(Microsoft.Extensions.Options.Options.Create(new ServerOptions { DataFolder = _folder }), Time);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
