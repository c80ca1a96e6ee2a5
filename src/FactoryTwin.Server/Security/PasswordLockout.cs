using System.Net;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Security;

/// <summary>
/// Locks out password guessing through the password change: after <see cref="ServerOptions.PasswordFailuresBeforeLockout"/>
/// wrong current passwords within <see cref="ServerOptions.LockoutMinutes"/>, for one user (from any address) or from one
/// client address (for any user), further attempts of that user or address are refused for
/// <see cref="ServerOptions.LockoutMinutes"/>, even with the right password, so a stolen session or token is no password
/// oracle. Kept in memory: a restart clears it, which costs an attacker a restart per handful of guesses.
/// </summary>
internal sealed class PasswordLockout
{
    /// <summary>How many users and addresses are tracked before expired entries are dropped.</summary>
    private const int PruneAbove = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly TimeSpan _duration;

    public PasswordLockout(IOptions<ServerOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _limit = options.Value.PasswordFailuresBeforeLockout;
        _duration = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
    }

    /// <summary>Decides whether a user, or the client address it calls from, is locked out.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="address">The client address, or <see langword="null"/> when unknown.</param>
    /// <param name="retryAfter">How long the lockout still lasts.</param>
    /// <returns><see langword="true"/> when locked out.</returns>
    public bool IsLockedOut(string user, IPAddress? address, out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow();
        retryAfter = TimeSpan.Zero;
        lock (_lock)
        {
            foreach (var key in Keys(user, address))
            {
                if (key is not null && _entries.TryGetValue(key, out var entry) && entry.LockedUntil > now && entry.LockedUntil - now > retryAfter)
                {
                    retryAfter = entry.LockedUntil - now;
                }
            }
        }

        return retryAfter > TimeSpan.Zero;
    }

    /// <summary>Counts a wrong current password.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="address">The client address, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when this failure started a lockout.</returns>
    public bool RecordFailure(string user, IPAddress? address)
    {
        var now = _time.GetUtcNow();
        var locked = false;
        lock (_lock)
        {
            if (_entries.Count > PruneAbove)
            {
                foreach (var stale in _entries.Where(e => e.Value.LockedUntil <= now && e.Value.WindowStart + _duration <= now).Select(e => e.Key).ToArray())
                {
                    _entries.Remove(stale);
                }
            }

            foreach (var key in Keys(user, address))
            {
                if (key is null)
                {
                    continue;
                }

                var entry = _entries.TryGetValue(key, out var e) && e.WindowStart + _duration > now ? e : new Entry(0, now, DateTimeOffset.MinValue);
                entry = entry with { Failures = entry.Failures + 1 };
                if (entry.Failures >= _limit)
                {
                    entry = new Entry(0, now, now + _duration);
                    locked = true;
                }

                _entries[key] = entry;
            }
        }

        return locked;
    }

    /// <summary>Forgets the failures of a user after the right current password.</summary>
    /// <param name="user">The user name.</param>
    public void RecordSuccess(string user)
    {
        lock (_lock)
        {
            _entries.Remove(UserKey(user));
        }
    }

    private static string UserKey(string user) => "user:" + user.ToUpperInvariant();

    private static string?[] Keys(string user, IPAddress? address) => [UserKey(user), address is null ? null : "address:" + address];

    private readonly record struct Entry(int Failures, DateTimeOffset WindowStart, DateTimeOffset LockedUntil);
}
