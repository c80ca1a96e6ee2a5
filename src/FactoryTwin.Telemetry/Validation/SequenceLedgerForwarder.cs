using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// Sends the sequence numbers this node accepts to the cluster's <see cref="IPublisherSequenceLedger"/>, off the
/// ingestion path: the validator queues them, a loop sends each publisher's numbers in one call per round and counts
/// what the ledger answers in <see cref="TelemetryMetrics"/>. Without a ledger nothing is queued and the validator counts
/// gaps itself. A call that fails is sent again a second later, before newer numbers of the publisher, so a failover
/// does not turn numbers into gaps. Counting is diagnostics, never the data: when the queue is full, or a publisher's
/// unsent numbers pass <see cref="Capacity"/>, the oldest are dropped and logged, and ingestion goes on.
/// </summary>
internal sealed class SequenceLedgerForwarder : BackgroundService
{
    /// <summary>The most numbers queued before new ones are dropped.</summary>
    internal const int Capacity = 1 << 20;

    /// <summary>The wait before a round that could not reach the ledger is sent again.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly IPublisherSequenceLedger? _ledger;
    private readonly TelemetryMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<Observation> _queue = Channel.CreateBounded<Observation>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    private readonly TimeProvider _time;
    private Dictionary<string, Batch> _carry = new(StringComparer.Ordinal);
    private long _dropped;

    public SequenceLedgerForwarder(TelemetryMetrics metrics, ILogger<SequenceLedgerForwarder> logger, IPublisherSequenceLedger? ledger = null, TimeProvider? time = null)
    {
        _ledger = ledger;
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Gets whether a ledger is registered: then the validator leaves gap counting to it.</summary>
    public bool IsShared => _ledger is not null;

    /// <summary>Queues one accepted number.</summary>
    /// <param name="publisher">The gateway's id.</param>
    /// <param name="seq">The number.</param>
    /// <param name="timestamp">The message's timestamp.</param>
    public void Observe(string publisher, long seq, DateTimeOffset timestamp)
    {
        if (!_queue.Writer.TryWrite(new Observation(publisher, seq, timestamp)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Sends what is queued now, after what an earlier round could not send, and waits for the answers.</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Whether every publisher's numbers were sent; those that were not are kept, in order, for the next round.</returns>
    internal async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var round = _carry;
        _carry = new Dictionary<string, Batch>(StringComparer.Ordinal);
        while (_queue.Reader.TryRead(out var o))
        {
            if (!round.TryGetValue(o.Publisher, out var batch))
            {
                batch = new Batch([], []);
                round.Add(o.Publisher, batch);
            }

            batch.Sequences.Add(o.Seq);
            batch.Timestamps.Add(o.Timestamp);
        }

        if (round.Count == 0 || _ledger is null)
        {
            return true;
        }

        var publishers = round.Keys.ToArray();
        var sent = await Task.WhenAll(publishers.Select(p => SendAsync(p, round[p], cancellationToken)));
        var all = true;
        for (var i = 0; i < publishers.Length; i++)
        {
            if (sent[i])
            {
                continue;
            }

            all = false;
            var batch = round[publishers[i]];
            if (batch.Sequences.Count > Capacity)
            {
                // The ledger has been unreachable for long: keep the newest numbers, say how many are not counted.
                var drop = batch.Sequences.Count - Capacity;
                batch.Sequences.RemoveRange(0, drop);
                batch.Timestamps.RemoveRange(0, drop);
                Interlocked.Add(ref _dropped, drop);
            }

            _carry.Add(publishers[i], batch);
        }

        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            Log.SequenceLedgerDropped(_logger, dropped, "the cluster's window could not be reached for long, or the queue was full");
        }

        return all;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_ledger is null)
        {
            return;
        }

        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // A round that could not reach the window (a silo starting, or one that died and is not yet declared
                // dead) is sent again a second later, before anything newer of the same publisher.
                while (!await FlushAsync(stoppingToken))
                {
                    await Task.Delay(RetryDelay, _time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> SendAsync(string publisher, Batch batch, CancellationToken cancellationToken)
    {
        try
        {
            var tally = await _ledger!.ObserveAsync(publisher, [.. batch.Sequences], [.. batch.Timestamps], cancellationToken);
            if (tally.Gaps > 0)
            {
                _metrics.Gaps(tally.Gaps);
            }

            if (tally.Redelivered > 0)
            {
                _metrics.Redelivered(tally.Redelivered);
            }

            if (tally.Late > 0)
            {
                _metrics.Late(tally.Late);
            }

            for (var i = 0; i < tally.Restarts; i++)
            {
                _metrics.Restart();
                Log.SequenceRestarted(_logger, publisher, batch.Sequences[^1]);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.SequenceLedgerRetry(_logger, batch.Sequences.Count, publisher, e.Message);
            return false;
        }
    }

    private sealed record Batch(List<long> Sequences, List<DateTimeOffset> Timestamps);

    private readonly record struct Observation(string Publisher, long Seq, DateTimeOffset Timestamp);
}
