using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The audit log of sign-ins, denials and administrative changes: appended as JSON lines to <c>audit.jsonl</c> in the data
/// folder, written to the log (event id 9100) and kept in memory (the most recent <see cref="Capacity"/>) for the API.
/// </summary>
internal sealed class AuditLog
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "audit.jsonl";

    /// <summary>How many recent events are kept in memory.</summary>
    public const int Capacity = 10_000;

    /// <summary>How often at most one throttled client (a 429 of one kind, one actor, one address) is recorded.</summary>
    public static readonly TimeSpan ThrottledInterval = TimeSpan.FromMinutes(1);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, DateTimeOffset> _throttled = new(StringComparer.Ordinal);

    private readonly Lock _lock = new();
    private readonly LinkedList<AuditEvent> _recent = new();
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditLog> _logger;

    public AuditLog(IOptions<ServerOptions> options, TimeProvider time, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Value.GetDataFolder();
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, FileName);
        _time = time;
        _logger = logger;
        if (File.Exists(_path))
        {
            // It names users and client addresses: only the server's own user may read it.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_path, OwnerOnly);
            }

            foreach (var line in File.ReadLines(_path).TakeLast(Capacity))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<AuditEvent>(line, JsonOptions) is { } e)
                {
                    _recent.AddLast(e);
                }
            }
        }
    }

    /// <summary>Gets the recent events, newest first.</summary>
    /// <returns>The events.</returns>
    public IReadOnlyList<AuditEvent> Recent()
    {
        lock (_lock)
        {
            return [.. _recent.Reverse()];
        }
    }

    /// <summary>Records an event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="actor">Who did it.</param>
    /// <param name="target">What it was done to.</param>
    /// <param name="context">The request, for the client address; optional.</param>
    public void Record(string kind, string? actor, string? target, HttpContext? context = null)
    {
        var e = new AuditEvent(_time.GetUtcNow(), kind, actor, target, context?.Connection.RemoteIpAddress?.ToString());
        var line = JsonSerializer.Serialize(e, JsonOptions);
        lock (_lock)
        {
            Append(line + "\n");
            _recent.AddLast(e);
            if (_recent.Count > Capacity)
            {
                _recent.RemoveFirst();
            }
        }

        Log.Audit(_logger, kind, actor ?? "-", target ?? "-", e.Address ?? "-");
    }

    /// <summary>
    /// Records a request refused for its rate (a 429), at most once per <see cref="ThrottledInterval"/> for one kind, actor
    /// and client address, so that a flood of refused requests cannot flood the log as well.
    /// </summary>
    /// <param name="kind">What was refused (<c>sign-in-throttled</c>, <c>password-change-throttled</c>).</param>
    /// <param name="actor">Who, when known.</param>
    /// <param name="target">What was asked for.</param>
    /// <param name="context">The request.</param>
    /// <returns><see langword="true"/> when it was recorded now.</returns>
    public bool RecordThrottled(string kind, string? actor, string? target, HttpContext? context = null)
    {
        var now = _time.GetUtcNow();
        var key = kind + "\n" + actor + "\n" + context?.Connection.RemoteIpAddress;
        lock (_lock)
        {
            if (_throttled.TryGetValue(key, out var last) && now - last < ThrottledInterval)
            {
                return false;
            }

            if (_throttled.Count > Capacity)
            {
                foreach (var stale in _throttled.Where(t => now - t.Value >= ThrottledInterval).Select(t => t.Key).ToArray())
                {
                    _throttled.Remove(stale);
                }
            }

            _throttled[key] = now;
        }

        Record(kind, actor, target, context);
        return true;
    }

    private void Append(string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var stream = new FileStream(_path, options);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
