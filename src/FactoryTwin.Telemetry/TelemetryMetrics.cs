using System.Diagnostics.Metrics;
using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry;

/// <summary>
/// The module's instruments on the meter <c>FactoryTwin.Telemetry</c>, plus plain totals that tests and diagnostics read
/// without a listener.
/// </summary>
internal sealed class TelemetryMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "FactoryTwin.Telemetry";

    private static readonly KeyValuePair<string, object?>[][] ReasonTags = BuildReasonTags();

    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _gaps;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _redelivered;
    private readonly Counter<long> _late;
    private readonly Counter<long> _points;
    private readonly Counter<long> _parts;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _commitFailures;
    private readonly Histogram<double> _commitDuration;
    private readonly long[] _rejectedTotals = new long[RejectionReasons.Count];
    private long _receivedTotal;
    private long _gapsTotal;
    private long _redeliveredTotal;
    private long _lateTotal;
    private long _pointsTotal;
    private long _partsTotal;
    private long _acknowledgedTotal;
    private long _inFlight;
    private long _maxInFlight;

    public TelemetryMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _received = _meter.CreateCounter<long>("factorytwin.telemetry.messages.received", "{message}", "MQTT messages received by ingestion.");
        _rejected = _meter.CreateCounter<long>("factorytwin.telemetry.rejected", "{item}", "Rejected messages, or values of a measure message, by reason.");
        _gaps = _meter.CreateCounter<long>("factorytwin.telemetry.sequence.gaps", "{message}", "Sequence numbers skipped by publishers.");
        _restarts = _meter.CreateCounter<long>("factorytwin.telemetry.sequence.restarts", "{restart}", "Publishers that restarted their sequence counter.");
        _redelivered = _meter.CreateCounter<long>("factorytwin.telemetry.sequence.redelivered", "{message}", "Messages that another node of the cluster had already received (stored once, by the historian's key).");
        _late = _meter.CreateCounter<long>("factorytwin.telemetry.sequence.late", "{message}", "Sequence numbers counted as gaps that arrived after all: gaps minus late is what never arrived.");
        _points = _meter.CreateCounter<long>("factorytwin.telemetry.points.committed", "{point}", "Series points committed to the store.");
        _parts = _meter.CreateCounter<long>("factorytwin.telemetry.parts.committed", "{event}", "Part events committed to the store.");
        _batches = _meter.CreateCounter<long>("factorytwin.telemetry.batches.committed", "{batch}", "Store transactions committed.");
        _commitFailures = _meter.CreateCounter<long>("factorytwin.telemetry.commit.failures", "{failure}", "Store transactions that failed and are retried.");
        _commitDuration = _meter.CreateHistogram<double>("factorytwin.telemetry.commit.duration", "s", "Time of one store transaction.");
        _meter.CreateObservableGauge("factorytwin.telemetry.in_flight", () => Interlocked.Read(ref _inFlight), "{message}", "Messages received and not yet acknowledged.");
    }

    /// <summary>Gets the messages received.</summary>
    public long Received => Interlocked.Read(ref _receivedTotal);

    /// <summary>Gets the sequence gaps counted.</summary>
    public long SequenceGaps => Interlocked.Read(ref _gapsTotal);

    /// <summary>Gets the messages counted as received by another node too (cluster mode).</summary>
    public long SequenceRedelivered => Interlocked.Read(ref _redeliveredTotal);

    /// <summary>Gets the sequence numbers that were counted as gaps and arrived after all.</summary>
    public long SequenceLate => Interlocked.Read(ref _lateTotal);

    /// <summary>Gets the points committed.</summary>
    public long PointsCommitted => Interlocked.Read(ref _pointsTotal);

    /// <summary>Gets the part events committed.</summary>
    public long PartsCommitted => Interlocked.Read(ref _partsTotal);

    /// <summary>Gets the messages acknowledged to the broker.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledgedTotal);

    /// <summary>Gets the most messages that were received and not yet acknowledged at one time.</summary>
    public long MaxInFlight => Interlocked.Read(ref _maxInFlight);

    /// <summary>Gets the rejections counted for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long Rejected(RejectionReason reason) => Interlocked.Read(ref _rejectedTotals[(int)reason]);

    public void MessageReceived()
    {
        Interlocked.Increment(ref _receivedTotal);
        _received.Add(1);
        var now = Interlocked.Increment(ref _inFlight);
        long max;
        while (now > (max = Interlocked.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    public void MessagesSettled(int count)
    {
        Interlocked.Add(ref _inFlight, -count);
    }

    public void MessageAcknowledged() => Interlocked.Increment(ref _acknowledgedTotal);

    public void Reject(RejectionReason reason, int count = 1)
    {
        Interlocked.Add(ref _rejectedTotals[(int)reason], count);
        _rejected.Add(count, ReasonTags[(int)reason]);
    }

    public void Gaps(long count)
    {
        Interlocked.Add(ref _gapsTotal, count);
        _gaps.Add(count);
    }

    public void Restart() => _restarts.Add(1);

    public void Redelivered(long count)
    {
        Interlocked.Add(ref _redeliveredTotal, count);
        _redelivered.Add(count);
    }

    public void Late(long count)
    {
        Interlocked.Add(ref _lateTotal, count);
        _late.Add(count);
    }

    public void Committed(int points, int parts, TimeSpan duration)
    {
        Interlocked.Add(ref _pointsTotal, points);
        Interlocked.Add(ref _partsTotal, parts);
        _points.Add(points);
        _parts.Add(parts);
        _batches.Add(1);
        _commitDuration.Record(duration.TotalSeconds);
    }

    public void CommitFailed() => _commitFailures.Add(1);

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?>[][] BuildReasonTags()
    {
        var tags = new KeyValuePair<string, object?>[RejectionReasons.Count][];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = [new("reason", RejectionReasons.Name((RejectionReason)i))];
        }

        return tags;
    }
}
