using System.Text;
using System.Text.Json;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The audit trail of one node: JSON lines appended to a file only the server's user may read (0600), and the most
/// recent events in memory, reloaded from the file's tail at start.
/// </summary>
internal sealed class FileAuditTrail : IAuditTrail
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _lock = new();
    private readonly LinkedList<AuditEvent> _recent = new();
    private readonly string _path;
    private readonly int _capacity;
    private readonly JsonSerializerOptions _json;

    public FileAuditTrail(string path, int capacity, JsonSerializerOptions json)
    {
        _path = path;
        _capacity = capacity;
        _json = json;
        if (File.Exists(_path))
        {
            // It names users and client addresses: only the server's own user may read it.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_path, OwnerOnly);
            }

            foreach (var line in File.ReadLines(_path).TakeLast(capacity))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<AuditEvent>(line, json) is { } e)
                {
                    _recent.AddLast(e);
                }
            }
        }
    }

    public void Append(AuditEvent auditEvent)
    {
        var line = JsonSerializer.Serialize(auditEvent, _json) + "\n";
        lock (_lock)
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(_path, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(line));
            }

            _recent.AddLast(auditEvent);
            if (_recent.Count > _capacity)
            {
                _recent.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<AuditEvent> Recent(int limit)
    {
        lock (_lock)
        {
            return [.. _recent.Reverse().Take(limit)];
        }
    }
}
