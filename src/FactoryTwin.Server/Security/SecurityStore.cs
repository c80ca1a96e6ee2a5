using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The security store of one node (<see cref="ISecurityStore"/>): users, API tokens and MQTT device credentials,
/// persisted as one JSON file (<c>security.json</c>) in the data folder.
/// Only hashes are stored: PBKDF2 for user passwords, SHA-256 for the 256-bit secrets FactoryTwin generates and for the
/// ids of dashboard sessions (see <c>SecurityStore.Sessions.cs</c>). Writes go to a temporary file that replaces the old
/// one, so a crash never leaves half a file.
/// </summary>
internal sealed partial class SecurityStore : ISecurityStore
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "security.json";

    /// <summary>The prefix of every API token.</summary>
    internal const string TokenPrefix = "ft_";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<UserRecord> _hasher = new();
    private SecurityDocument _document;

    public SecurityStore(IOptions<ServerOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Value.GetDataFolder();
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, FileName);
        _time = time;
        _document = File.Exists(_path)
            ? JsonSerializer.Deserialize<SecurityDocument>(File.ReadAllText(_path), JsonOptions) ?? new SecurityDocument()
            : new SecurityDocument();

        // A store written before every user had a security stamp: give each one, which also ends the cookies issued
        // without one.
        if (_document.Users.Exists(u => u.Stamp is null))
        {
            _document.Users = [.. _document.Users.Select(u => u.Stamp is null ? u with { Stamp = Secrets.NewId() } : u)];
            Save();
        }
    }

    /// <summary>Gets the users, by name.</summary>
    public IReadOnlyList<UserRecord> Users
    {
        get
        {
            lock (_lock)
            {
                return [.. _document.Users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    /// <summary>Gets the API tokens (hashes only).</summary>
    public IReadOnlyList<TokenRecord> Tokens
    {
        get
        {
            lock (_lock)
            {
                return [.. _document.Tokens.OrderBy(t => t.Created)];
            }
        }
    }

    /// <summary>Gets the devices with credentials.</summary>
    public IReadOnlyList<DeviceRecord> Devices
    {
        get
        {
            lock (_lock)
            {
                return [.. _document.Devices.OrderBy(d => d.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Creates the administrator when no administrator exists.</summary>
    /// <param name="name">The administrator's user name.</param>
    /// <returns>The generated password when the administrator was created now, otherwise <see langword="null"/>.</returns>
    public string? EnsureAdministrator(string name)
    {
        lock (_lock)
        {
            if (_document.Users.Exists(u => u.Role == Role.Admin))
            {
                return null;
            }
        }

        var password = Secrets.Generate()[..20];
        return TryAddUser(name, Role.Admin, password, null, out _) ? password : null;
    }

    /// <summary>Finds a user.</summary>
    /// <param name="name">The user name.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public UserRecord? FindUser(string name)
    {
        lock (_lock)
        {
            return _document.Users.Find(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Adds a user.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="role">The role.</param>
    /// <param name="password">The password; only its hash is kept.</param>
    /// <param name="lines">The lines the user may see, or <see langword="null"/> for all.</param>
    /// <param name="user">The user added.</param>
    /// <returns><see langword="false"/> when the name is taken.</returns>
    public bool TryAddUser(string name, Role role, string password, IReadOnlyList<string>? lines, out UserRecord user)
    {
        var draft = new UserRecord(name, role, "", lines, _time.GetUtcNow(), Secrets.NewId());
        user = draft with { PasswordHash = _hasher.HashPassword(draft, password) };
        lock (_lock)
        {
            if (_document.Users.Exists(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            _document.Users.Add(user);
            Save();
            return true;
        }
    }

    /// <summary>Deletes a user, the tokens that act for it and its sessions.</summary>
    /// <param name="name">The user name.</param>
    /// <returns><see langword="false"/> when there is no such user.</returns>
    public bool DeleteUser(string name)
    {
        lock (_lock)
        {
            var removed = _document.Users.RemoveAll(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
            if (removed == 0)
            {
                return false;
            }

            _document.Tokens.RemoveAll(t => string.Equals(t.User, name, StringComparison.OrdinalIgnoreCase));
            RemoveSessionsOf(name);
            Save();
            return true;
        }
    }

    /// <summary>Replaces a user's password and security stamp, and ends every sign-in session of the user.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The new password; only its hash is kept.</param>
    /// <param name="user">The user as changed.</param>
    /// <returns><see langword="false"/> when there is no such user.</returns>
    public bool TrySetPassword(string name, string password, out UserRecord user)
    {
        lock (_lock)
        {
            var index = _document.Users.FindIndex(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                user = null!;
                return false;
            }

            var old = _document.Users[index];
            user = old with { PasswordHash = _hasher.HashPassword(old, password), Stamp = Secrets.NewId() };
            _document.Users[index] = user;
            RemoveSessionsOf(old.Name);
            Save();
            return true;
        }
    }

    /// <summary>Checks a user's password.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password presented.</param>
    /// <returns>The user when the password is right, otherwise <see langword="null"/>.</returns>
    public UserRecord? VerifyPassword(string name, string password) => Verify(_hasher, FindUser(name), name, password);

    /// <summary>The password check of every store: the user when <paramref name="password"/> is theirs, else <see langword="null"/>.</summary>
    /// <param name="hasher">The store's hasher.</param>
    /// <param name="user">The user found by name, or <see langword="null"/>.</param>
    /// <param name="name">The name asked for.</param>
    /// <param name="password">The password presented.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    internal static UserRecord? Verify(PasswordHasher<UserRecord> hasher, UserRecord? user, string name, string password)
    {
        if (user is null)
        {
            // Hash anyway so that an unknown name takes as long as a wrong password.
            hasher.HashPassword(new UserRecord(name, Role.Viewer, "", null, default), password);
            return null;
        }

        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Issues an API token.</summary>
    /// <param name="user">The user it acts for; must exist.</param>
    /// <param name="name">What it is for.</param>
    /// <param name="role">The highest role it grants.</param>
    /// <param name="expires">When it expires, or <see langword="null"/>.</param>
    /// <returns>The record and the token, which is shown once and never stored.</returns>
    public (TokenRecord Record, string Token) IssueToken(string user, string name, Role role, DateTimeOffset? expires)
    {
        var id = Secrets.NewId();
        var secret = Secrets.Generate();
        var record = new TokenRecord(id, name, user, role, Secrets.Hash(secret), _time.GetUtcNow(), expires);
        lock (_lock)
        {
            _document.Tokens.Add(record);
            Save();
        }

        return (record, TokenPrefix + id + "_" + secret);
    }

    /// <summary>Revokes an API token.</summary>
    /// <param name="id">The token id.</param>
    /// <returns><see langword="false"/> when there is no such token.</returns>
    public bool RevokeToken(string id)
    {
        lock (_lock)
        {
            var removed = _document.Tokens.RemoveAll(t => string.Equals(t.Id, id, StringComparison.Ordinal)) > 0;
            if (removed)
            {
                Save();
            }

            return removed;
        }
    }

    /// <summary>Checks a bearer token.</summary>
    /// <param name="token">The token presented.</param>
    /// <returns>The user and the role granted (the lower of the token's and the user's), or <see langword="null"/>.</returns>
    public (UserRecord User, Role Role, TokenRecord Token)? ValidateToken(string token)
    {
        if (!TryParseToken(token, out var id, out var secret))
        {
            return null;
        }

        TokenRecord? record;
        lock (_lock)
        {
            record = _document.Tokens.Find(t => string.Equals(t.Id, id, StringComparison.Ordinal));
        }

        if (record is null || !Secrets.Matches(secret, record.Hash) || record.Expires <= _time.GetUtcNow())
        {
            return null;
        }

        var user = FindUser(record.User);
        return user is null ? null : (user, record.Role < user.Role ? record.Role : user.Role, record);
    }

    /// <summary>Issues (or replaces) the MQTT credentials of a device.</summary>
    /// <param name="id">The device id (a gateway id of the plant).</param>
    /// <param name="lines">The lines it may publish for.</param>
    /// <returns>The record and the generated password, shown once and never stored.</returns>
    public (DeviceRecord Record, string Password) IssueDevice(string id, IReadOnlyList<string> lines)
    {
        var password = Secrets.Generate();
        var record = new DeviceRecord(id, lines, Secrets.Hash(password), _time.GetUtcNow());
        lock (_lock)
        {
            _document.Devices.RemoveAll(d => string.Equals(d.Id, id, StringComparison.Ordinal));
            _document.Devices.Add(record);
            Save();
        }

        return (record, password);
    }

    /// <summary>Deletes a device's credentials.</summary>
    /// <param name="id">The device id.</param>
    /// <returns><see langword="false"/> when there are none.</returns>
    public bool DeleteDevice(string id)
    {
        lock (_lock)
        {
            var removed = _document.Devices.RemoveAll(d => string.Equals(d.Id, id, StringComparison.Ordinal)) > 0;
            if (removed)
            {
                Save();
            }

            return removed;
        }
    }

    /// <summary>Checks a device's password.</summary>
    /// <param name="id">The device id.</param>
    /// <param name="password">The password presented.</param>
    /// <returns>The device when the password is right, otherwise <see langword="null"/>.</returns>
    public DeviceRecord? VerifyDevice(string id, string password)
    {
        DeviceRecord? record;
        lock (_lock)
        {
            record = _document.Devices.Find(d => string.Equals(d.Id, id, StringComparison.Ordinal));
        }

        return record is not null && Secrets.Matches(password, record.Hash) ? record : null;
    }

    /// <summary>Splits a token (<c>ft_{id}_{secret}</c>) into its public id and its secret.</summary>
    /// <param name="token">The token presented.</param>
    /// <param name="id">The token id.</param>
    /// <param name="secret">The secret part.</param>
    /// <returns><see langword="false"/> when it is not shaped like a token.</returns>
    internal static bool TryParseToken(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(TokenPrefix.Length);
        var split = rest.IndexOf('_');
        if (split <= 0)
        {
            return false;
        }

        id = rest[..split].ToString();
        secret = rest[(split + 1)..].ToString();
        return true;
    }

    private void Save()
    {
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_document, JsonOptions));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, _path, overwrite: true);
    }
}
