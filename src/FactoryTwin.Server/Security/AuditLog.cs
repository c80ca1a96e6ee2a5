using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The audit log of sign-ins, denials and administrative changes: appended as JSON lines to <c>audit.jsonl</c> in the data
/// folder (the most recent <see cref="Capacity"/> also kept in memory for the API), or in a cluster to the
/// <c>factorytwin_audit</c> table all nodes share; and written to the log (event id 9100).
/// </summary>
internal sealed class AuditLog
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "audit.jsonl";

    /// <summary>How many recent events are kept in memory.</summary>
    public const int Capacity = 10_000;

    /// <summary>How often at most one throttled client (a 429 of one kind, one actor, one address) is recorded.</summary>
    public static readonly TimeSpan ThrottledInterval = TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, DateTimeOffset> _throttled = new(StringComparer.Ordinal);

    private readonly Lock _lock = new();
    private readonly IAuditTrail _trail;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditLog> _logger;

    /// <summary>Creates the audit log of one node, on <c>audit.jsonl</c> in the data folder.</summary>
    public AuditLog(IOptions<ServerOptions> options, TimeProvider time, ILogger<AuditLog> logger)
        : this(new FileAuditTrail(Path.Combine(GetFolder(options), FileName), Capacity, JsonOptions), time, logger)
    {
    }

    /// <summary>Creates the audit log on a trail (a file, or the cluster's database).</summary>
    internal AuditLog(IAuditTrail trail, TimeProvider time, ILogger<AuditLog> logger)
    {
        _trail = trail;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the recent events (at most <see cref="Capacity"/>), newest first.</summary>
    /// <returns>The events.</returns>
    public IReadOnlyList<AuditEvent> Recent() => _trail.Recent(Capacity);

    /// <summary>Records an event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="actor">Who did it.</param>
    /// <param name="target">What it was done to.</param>
    /// <param name="context">The request, for the client address; optional.</param>
    public void Record(string kind, string? actor, string? target, HttpContext? context = null)
    {
        var e = new AuditEvent(_time.GetUtcNow(), kind, actor, target, context?.Connection.RemoteIpAddress?.ToString());
        _trail.Append(e);
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

    private static string GetFolder(IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Value.GetDataFolder();
        Directory.CreateDirectory(folder);
        return folder;
    }
}
