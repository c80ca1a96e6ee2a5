using System.Globalization;
using System.Text;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.IngestHost;

/// <summary>
/// Wraps the real store and, once an append has returned (committed), writes the seqs of its batch to stdout as one line,
/// <c>committed 17 18 20</c>. This is the crash test's progress signal: it cannot open a DuckDB file while the host holds
/// it. The line is written before ingestion acknowledges the batch's messages, so every acknowledged message was reported.
/// </summary>
public sealed class CommitReportingStore(ITelemetryStore inner, TextWriter output) : ITelemetryStore
{
    /// <summary>The prefix of a progress line.</summary>
    public const string Prefix = "committed";

    public async ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await inner.AppendAsync(batch, cancellationToken);
        var seqs = new HashSet<long>();
        var line = new StringBuilder(Prefix);
        foreach (var p in batch.Points)
        {
            if (seqs.Add(p.Seq))
            {
                line.Append(' ').Append(p.Seq.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var e in batch.Parts)
        {
            if (seqs.Add(e.Seq))
            {
                line.Append(' ').Append(e.Seq.ToString(CultureInfo.InvariantCulture));
            }
        }

        // One call, so the line is not interleaved with the console logger's output; Console.Out flushes every write.
        await output.WriteLineAsync(line.ToString());
    }
}
