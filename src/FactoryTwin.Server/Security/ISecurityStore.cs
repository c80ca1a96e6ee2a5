namespace FactoryTwin.Server.Security;

/// <summary>
/// Users, API tokens, MQTT device credentials and dashboard sessions. Only hashes are stored: PBKDF2 for user
/// passwords, SHA-256 for the 256-bit secrets FactoryTwin generates and for session ids. Two implementations behave
/// alike (one conformance suite tests both): <see cref="SecurityStore"/>, a file in the data folder of one node, and
/// <see cref="PostgresSecurityStore"/>, tables that every node of a cluster reads on each request, so a change made on
/// one node (a new user, a password change, a sign-out) holds on every other node at once.
/// </summary>
internal interface ISecurityStore
{
    /// <summary>Gets the users, by name.</summary>
    IReadOnlyList<UserRecord> Users { get; }

    /// <summary>Gets the API tokens (hashes only), oldest first.</summary>
    IReadOnlyList<TokenRecord> Tokens { get; }

    /// <summary>Gets the devices with credentials, by id.</summary>
    IReadOnlyList<DeviceRecord> Devices { get; }

    /// <summary>Creates the administrator when no administrator exists.</summary>
    /// <param name="name">The administrator's user name.</param>
    /// <returns>The generated password when the administrator was created now, otherwise <see langword="null"/>.</returns>
    string? EnsureAdministrator(string name);

    /// <summary>Finds a user (names are case-insensitive).</summary>
    /// <param name="name">The user name.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    UserRecord? FindUser(string name);

    /// <summary>Adds a user.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="role">The role.</param>
    /// <param name="password">The password; only its hash is kept.</param>
    /// <param name="lines">The lines the user may see, or <see langword="null"/> for all.</param>
    /// <param name="user">The user added.</param>
    /// <returns><see langword="false"/> when the name is taken.</returns>
    bool TryAddUser(string name, Role role, string password, IReadOnlyList<string>? lines, out UserRecord user);

    /// <summary>Deletes a user, the tokens that act for it and its sessions.</summary>
    /// <param name="name">The user name.</param>
    /// <returns><see langword="false"/> when there is no such user.</returns>
    bool DeleteUser(string name);

    /// <summary>Replaces a user's password and security stamp, and ends every sign-in session of the user.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The new password; only its hash is kept.</param>
    /// <param name="user">The user as changed.</param>
    /// <returns><see langword="false"/> when there is no such user.</returns>
    bool TrySetPassword(string name, string password, out UserRecord user);

    /// <summary>Checks a user's password.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password presented.</param>
    /// <returns>The user when the password is right, otherwise <see langword="null"/>.</returns>
    UserRecord? VerifyPassword(string name, string password);

    /// <summary>Issues an API token.</summary>
    /// <param name="user">The user it acts for; must exist.</param>
    /// <param name="name">What it is for.</param>
    /// <param name="role">The highest role it grants.</param>
    /// <param name="expires">When it expires, or <see langword="null"/>.</param>
    /// <returns>The record and the token, which is shown once and never stored.</returns>
    (TokenRecord Record, string Token) IssueToken(string user, string name, Role role, DateTimeOffset? expires);

    /// <summary>Revokes an API token.</summary>
    /// <param name="id">The token id.</param>
    /// <returns><see langword="false"/> when there is no such token.</returns>
    bool RevokeToken(string id);

    /// <summary>Checks a bearer token.</summary>
    /// <param name="token">The token presented.</param>
    /// <returns>The user and the role granted (the lower of the token's and the user's), or <see langword="null"/>.</returns>
    (UserRecord User, Role Role, TokenRecord Token)? ValidateToken(string token);

    /// <summary>Issues (or replaces) the MQTT credentials of a device.</summary>
    /// <param name="id">The device id (a gateway id of the plant).</param>
    /// <param name="lines">The lines it may publish for.</param>
    /// <returns>The record and the generated password, shown once and never stored.</returns>
    (DeviceRecord Record, string Password) IssueDevice(string id, IReadOnlyList<string> lines);

    /// <summary>Deletes a device's credentials.</summary>
    /// <param name="id">The device id.</param>
    /// <returns><see langword="false"/> when there are none.</returns>
    bool DeleteDevice(string id);

    /// <summary>Checks a device's password.</summary>
    /// <param name="id">The device id.</param>
    /// <param name="password">The password presented.</param>
    /// <returns>The device when the password is right, otherwise <see langword="null"/>.</returns>
    DeviceRecord? VerifyDevice(string id, string password);

    /// <summary>
    /// Starts a session for a user; beyond <see cref="SecurityStore.MaxSessionsPerUser"/> sessions the user's least
    /// recently used one ends.
    /// </summary>
    /// <param name="user">The user name.</param>
    /// <returns>The session id, for the cookie only; the store keeps its hash.</returns>
    string StartSession(string user);

    /// <summary>Ends a session (sign-out).</summary>
    /// <param name="id">The session id from the cookie.</param>
    /// <returns><see langword="false"/> when there was no such session.</returns>
    bool EndSession(string id);

    /// <summary>
    /// Decides whether a signed-in session may go on: its user exists, its stamp is the user's current one, and the
    /// session has not ended nor been idle for <see cref="SecurityStore.SessionIdleLimit"/>.
    /// </summary>
    /// <param name="name">The user name of the session.</param>
    /// <param name="stamp">The stamp the cookie carries, or <see langword="null"/>.</param>
    /// <param name="sessionId">The session id the cookie carries, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the session may go on.</returns>
    bool IsCurrentSession(string name, string? stamp, string? sessionId);

    /// <summary>Restarts a session's idle limit when its cookie is renewed (sliding expiration).</summary>
    /// <param name="sessionId">The session id the cookie carries.</param>
    void TouchSession(string sessionId);
}
