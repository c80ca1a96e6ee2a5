using FactoryTwin.Server.Cluster;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The security store of a cluster (<see cref="ISecurityStore"/>): tables in the cluster's PostgreSQL database
/// (<c>factorytwin_users</c>, <c>_tokens</c>, <c>_devices</c>, <c>_sessions</c>; Cluster/Sql/0008). Nothing is cached:
/// every check reads the database, so a user added, a password changed or a session ended on one node holds on every
/// node with the next request. Each change is one statement or one transaction.
/// </summary>
internal sealed class PostgresSecurityStore : ISecurityStore
{
    private const string UserColumns = "name, role, password_hash, lines, created, stamp";
    private const string TokenColumns = "id, name, user_name, role, hash, created, expires";

    private readonly NpgsqlDataSource _db;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<UserRecord> _hasher = new();

    public PostgresSecurityStore(ClusterDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        _db = database.DataSource;
        _time = time;
    }

    public IReadOnlyList<UserRecord> Users =>
        [.. Query($"SELECT {UserColumns} FROM factorytwin_users", ReadUser).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<TokenRecord> Tokens => Query($"SELECT {TokenColumns} FROM factorytwin_tokens ORDER BY created, id", ReadToken);

    public IReadOnlyList<DeviceRecord> Devices =>
        [.. Query("SELECT id, lines, hash, created FROM factorytwin_devices", ReadDevice).OrderBy(d => d.Id, StringComparer.Ordinal)];

    public string? EnsureAdministrator(string name)
    {
        if (Scalar<bool>("SELECT EXISTS (SELECT 1 FROM factorytwin_users WHERE role = @r)", ("r", (short)Role.Admin)))
        {
            return null;
        }

        // Nodes that start together race here; the primary key lets one of them create the administrator.
        var password = Secrets.Generate()[..20];
        return TryAddUser(name, Role.Admin, password, null, out _) ? password : null;
    }

    public UserRecord? FindUser(string name) =>
        Query($"SELECT {UserColumns} FROM factorytwin_users WHERE name_key = @k", ReadUser, ("k", Key(name))).FirstOrDefault();

    public bool TryAddUser(string name, Role role, string password, IReadOnlyList<string>? lines, out UserRecord user)
    {
        var draft = new UserRecord(name, role, "", lines, _time.GetUtcNow(), Secrets.NewId());
        user = draft with { PasswordHash = _hasher.HashPassword(draft, password) };
        return Execute(
            "INSERT INTO factorytwin_users (name, name_key, role, password_hash, lines, created, stamp) VALUES (@n, @k, @r, @h, @l, @c, @s) ON CONFLICT (name_key) DO NOTHING",
            ("n", name), ("k", Key(name)), ("r", (short)role), ("h", user.PasswordHash), ("l", Lines(lines)), ("c", user.Created.ToUniversalTime()), ("s", user.Stamp!)) > 0;
    }

    // Tokens and sessions go with the user (ON DELETE CASCADE).
    public bool DeleteUser(string name) => Execute("DELETE FROM factorytwin_users WHERE name_key = @k", ("k", Key(name))) > 0;

    public bool TrySetPassword(string name, string password, out UserRecord user)
    {
        var old = FindUser(name);
        if (old is null)
        {
            user = null!;
            return false;
        }

        user = old with { PasswordHash = _hasher.HashPassword(old, password), Stamp = Secrets.NewId() };
        using var connection = _db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var changed = Execute(connection, "UPDATE factorytwin_users SET password_hash = @h, stamp = @s WHERE name_key = @k", ("h", user.PasswordHash), ("s", user.Stamp!), ("k", Key(name)));
        Execute(connection, "DELETE FROM factorytwin_sessions WHERE user_key = @k", ("k", Key(name)));
        transaction.Commit();
        return changed > 0;
    }

    public UserRecord? VerifyPassword(string name, string password) => SecurityStore.Verify(_hasher, FindUser(name), name, password);

    public (TokenRecord Record, string Token) IssueToken(string user, string name, Role role, DateTimeOffset? expires)
    {
        var id = Secrets.NewId();
        var secret = Secrets.Generate();
        var record = new TokenRecord(id, name, user, role, Secrets.Hash(secret), _time.GetUtcNow(), expires);
        try
        {
            Execute(
                "INSERT INTO factorytwin_tokens (id, name, user_key, user_name, role, hash, created, expires) VALUES (@i, @n, @k, @u, @r, @h, @c, @e)",
                ("i", id), ("n", name), ("k", Key(user)), ("u", user), ("r", (short)role), ("h", record.Hash), ("c", record.Created.ToUniversalTime()),
                ("e", expires is { } e ? e.ToUniversalTime() : DBNull.Value));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidOperationException($"There is no user '{user}' for the token to act for.", ex);
        }

        return (record, SecurityStore.TokenPrefix + id + "_" + secret);
    }

    public bool RevokeToken(string id) => Execute("DELETE FROM factorytwin_tokens WHERE id = @i", ("i", id)) > 0;

    public (UserRecord User, Role Role, TokenRecord Token)? ValidateToken(string token)
    {
        if (!SecurityStore.TryParseToken(token, out var id, out var secret))
        {
            return null;
        }

        var record = Query($"SELECT {TokenColumns} FROM factorytwin_tokens WHERE id = @i", ReadToken, ("i", id)).FirstOrDefault();
        if (record is null || !Secrets.Matches(secret, record.Hash) || record.Expires <= _time.GetUtcNow())
        {
            return null;
        }

        var user = FindUser(record.User);
        return user is null ? null : (user, record.Role < user.Role ? record.Role : user.Role, record);
    }

    public (DeviceRecord Record, string Password) IssueDevice(string id, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var password = Secrets.Generate();
        var record = new DeviceRecord(id, lines, Secrets.Hash(password), _time.GetUtcNow());
        Execute(
            "INSERT INTO factorytwin_devices (id, lines, hash, created) VALUES (@i, @l, @h, @c) ON CONFLICT (id) DO UPDATE SET lines = excluded.lines, hash = excluded.hash, created = excluded.created",
            ("i", id), ("l", lines.ToArray()), ("h", record.Hash), ("c", record.Created.ToUniversalTime()));
        return (record, password);
    }

    public bool DeleteDevice(string id) => Execute("DELETE FROM factorytwin_devices WHERE id = @i", ("i", id)) > 0;

    public DeviceRecord? VerifyDevice(string id, string password)
    {
        var record = Query("SELECT id, lines, hash, created FROM factorytwin_devices WHERE id = @i", ReadDevice, ("i", id)).FirstOrDefault();
        return record is not null && Secrets.Matches(password, record.Hash) ? record : null;
    }

    public string StartSession(string user)
    {
        var id = Secrets.Generate();
        var now = _time.GetUtcNow().ToUniversalTime();
        using var connection = _db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM factorytwin_sessions WHERE last_seen <= @cutoff", ("cutoff", now - SecurityStore.SessionIdleLimit));
        Execute(
            connection,
            "DELETE FROM factorytwin_sessions WHERE hash IN (SELECT hash FROM factorytwin_sessions WHERE user_key = @k ORDER BY last_seen DESC OFFSET @keep)",
            ("k", Key(user)), ("keep", SecurityStore.MaxSessionsPerUser - 1));
        Execute(
            connection,
            "INSERT INTO factorytwin_sessions (hash, user_key, user_name, created, last_seen) SELECT @h, name_key, name, @now, @now FROM factorytwin_users WHERE name_key = @k",
            ("h", Secrets.Hash(id)), ("k", Key(user)), ("now", now));
        transaction.Commit();
        return id;
    }

    public bool EndSession(string id) => Execute("DELETE FROM factorytwin_sessions WHERE hash = @h", ("h", Secrets.Hash(id))) > 0;

    public bool IsCurrentSession(string name, string? stamp, string? sessionId)
    {
        if (stamp is null || sessionId is null)
        {
            return false;
        }

        // One round trip: the user's current stamp and the session, joined.
        return Scalar<bool>(
            "SELECT EXISTS (SELECT 1 FROM factorytwin_sessions s JOIN factorytwin_users u ON u.name_key = s.user_key WHERE s.hash = @h AND u.name_key = @k AND u.stamp = @s AND s.last_seen > @cutoff)",
            ("h", Secrets.Hash(sessionId)), ("k", Key(name)), ("s", stamp), ("cutoff", _time.GetUtcNow().ToUniversalTime() - SecurityStore.SessionIdleLimit));
    }

    public void TouchSession(string sessionId)
    {
        var now = _time.GetUtcNow().ToUniversalTime();
        Execute(
            "UPDATE factorytwin_sessions SET last_seen = @now WHERE hash = @h AND last_seen > @cutoff",
            ("now", now), ("h", Secrets.Hash(sessionId)), ("cutoff", now - SecurityStore.SessionIdleLimit));
    }

    private static string Key(string name) => name.ToUpperInvariant();

    private static object Lines(IReadOnlyList<string>? lines) => lines is null ? DBNull.Value : lines.ToArray();

    private static UserRecord ReadUser(NpgsqlDataReader r) => new(
        r.GetString(0),
        (Role)r.GetInt16(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetFieldValue<string[]>(3),
        r.GetFieldValue<DateTimeOffset>(4),
        r.GetString(5));

    private static TokenRecord ReadToken(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        (Role)r.GetInt16(3),
        r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6));

    private static DeviceRecord ReadDevice(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetFieldValue<string[]>(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var command = _db.CreateCommand(sql);
        Bind(command, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private T Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _db.CreateCommand(sql);
        Bind(command, parameters);
        return (T)command.ExecuteScalar()!;
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _db.CreateCommand(sql);
        Bind(command, parameters);
        return command.ExecuteNonQuery();
    }

    private static int Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        Bind(command, parameters);
        return command.ExecuteNonQuery();
    }

    private static void Bind(NpgsqlCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
