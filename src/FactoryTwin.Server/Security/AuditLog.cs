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

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

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
            File.AppendAllText(_path, line + "\n");
            _recent.AddLast(e);
            if (_recent.Count > Capacity)
            {
                _recent.RemoveFirst();
            }
        }

        Log.Audit(_logger, kind, actor ?? "-", target ?? "-", e.Address ?? "-");
    }
}
