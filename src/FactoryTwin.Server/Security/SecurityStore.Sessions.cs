namespace FactoryTwin.Server.Security;

/// <summary>
/// Dashboard sessions: each sign-in gets a random id that its cookie carries; the store keeps the id's hash until the user
/// signs out, the password changes or is reset, the user is deleted, or the session is idle for
/// <see cref="SessionIdleLimit"/>. A cookie whose session is gone is refused even if it is otherwise valid, so a copy of
/// a cookie dies with its session.
/// </summary>
internal sealed partial class SecurityStore
{
    /// <summary>How long a session lasts without its cookie being renewed; also the cookie's own sliding lifetime.</summary>
    public static readonly TimeSpan SessionIdleLimit = TimeSpan.FromHours(12);

    /// <summary>The most sessions one user keeps; signing in beyond it ends that user's least recently used session.</summary>
    public const int MaxSessionsPerUser = 50;

    /// <summary>Starts a session for a user.</summary>
    /// <param name="user">The user name.</param>
    /// <returns>The session id, for the cookie only; the store keeps its hash.</returns>
    public string StartSession(string user)
    {
        var id = Secrets.Generate();
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            PruneSessions(now);
            var own = _document.Sessions.Where(x => string.Equals(x.User, user, StringComparison.OrdinalIgnoreCase)).OrderBy(x => x.LastSeen).ToList();
            foreach (var oldest in own.Take(Math.Max(0, own.Count - MaxSessionsPerUser + 1)))
            {
                _document.Sessions.Remove(oldest);
            }

            _document.Sessions.Add(new SessionRecord(Secrets.Hash(id), user, now, now));
            Save();
        }

        return id;
    }

    /// <summary>Ends a session (sign-out).</summary>
    /// <param name="id">The session id from the cookie.</param>
    /// <returns><see langword="false"/> when there was no such session.</returns>
    public bool EndSession(string id)
    {
        var hash = Secrets.Hash(id);
        lock (_lock)
        {
            var removed = _document.Sessions.RemoveAll(x => string.Equals(x.Hash, hash, StringComparison.Ordinal)) > 0;
            if (removed)
            {
                Save();
            }

            return removed;
        }
    }

    /// <summary>
    /// Decides whether a signed-in session may go on: its user exists, its stamp is the user's current one, and the
    /// session has not ended.
    /// </summary>
    /// <param name="name">The user name of the session.</param>
    /// <param name="stamp">The stamp the cookie carries, or <see langword="null"/>.</param>
    /// <param name="sessionId">The session id the cookie carries, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the session may go on.</returns>
    public bool IsCurrentSession(string name, string? stamp, string? sessionId)
    {
        var user = FindUser(name);
        if (user is null || stamp is null || sessionId is null || !string.Equals(user.Stamp, stamp, StringComparison.Ordinal))
        {
            return false;
        }

        var hash = Secrets.Hash(sessionId);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var index = _document.Sessions.FindIndex(x => string.Equals(x.Hash, hash, StringComparison.Ordinal));
            if (index < 0)
            {
                return false;
            }

            var session = _document.Sessions[index];
            return string.Equals(session.User, user.Name, StringComparison.OrdinalIgnoreCase) && session.LastSeen + SessionIdleLimit > now;
        }
    }

    /// <summary>Restarts a session's idle limit when its cookie is renewed (sliding expiration).</summary>
    /// <param name="sessionId">The session id the cookie carries.</param>
    public void TouchSession(string sessionId)
    {
        var hash = Secrets.Hash(sessionId);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var index = _document.Sessions.FindIndex(x => string.Equals(x.Hash, hash, StringComparison.Ordinal));
            if (index >= 0 && _document.Sessions[index].LastSeen + SessionIdleLimit > now)
            {
                _document.Sessions[index] = _document.Sessions[index] with { LastSeen = now };
                Save();
            }
        }
    }

    // Callers hold _lock.
    private void RemoveSessionsOf(string user) =>
        _document.Sessions.RemoveAll(x => string.Equals(x.User, user, StringComparison.OrdinalIgnoreCase));

    // Callers hold _lock; the caller saves.
    private void PruneSessions(DateTimeOffset now) => _document.Sessions.RemoveAll(x => x.LastSeen + SessionIdleLimit <= now);
}
