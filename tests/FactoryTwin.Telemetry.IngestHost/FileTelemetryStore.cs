using System.Globalization;
using System.Text;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.IngestHost;

/// <summary>
/// An append-only, fsync'ed text store for the crash test: one line per point, <c>series\tticks\tseq\tvalue</c>, or per part
/// event, <c>part\tasset\tticks\tseq\tpart</c>. Idempotent on (series, ts, seq): existing keys are read back on open, and a
/// torn last line (no newline, from a kill during a write) is cut off. AppendAsync returns after the fsync.
/// </summary>
public sealed class FileTelemetryStore : ITelemetryStore, IDisposable
{
    private readonly FileStream _file;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileTelemetryStore(string path)
    {
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var text = new StreamReader(_file, Encoding.UTF8, false, 1 << 16, leaveOpen: true).ReadToEnd();
        var complete = text.LastIndexOf('\n') + 1;
        foreach (var line in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            _keys.Add(KeyOf(line));
        }

        _file.SetLength(Encoding.UTF8.GetByteCount(text.AsSpan(0, complete)));
        _file.Seek(0, SeekOrigin.End);
    }

    public static string KeyOf(string line)
    {
        var parts = line.Split('\t');
        return parts[0] == "part" ? string.Join('\t', parts[0], parts[1], parts[2], parts[3]) : string.Join('\t', parts[0], parts[1], parts[2]);
    }

    public async ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sb = new StringBuilder();
            foreach (var p in batch.Points)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{p.Series.Value}\t{p.Timestamp.UtcTicks}\t{p.Seq}");
                if (_keys.Add(key))
                {
                    sb.Append(key).Append('\t').Append(p.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                }
            }

            foreach (var e in batch.Parts)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"part\t{e.Asset.Value}\t{e.Timestamp.UtcTicks}\t{e.Seq}");
                if (_keys.Add(key))
                {
                    sb.Append(key).Append('\t').Append(e.PartId).Append('\n');
                }
            }

            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            await _file.WriteAsync(bytes, cancellationToken);
            _file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }
}
