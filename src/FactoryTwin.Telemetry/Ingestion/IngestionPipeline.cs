using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>
/// The one path from a received MQTT message to the store, whichever broker delivered it. A receiver (the embedded
/// broker for each device connection, or the ingestion client of an external broker) hands each message to
/// <see cref="AcceptAsync"/>: it is validated at once (any failure while reading it is a <c>malformed</c> rejection, never
/// an exception), takes its bytes from a bounded <see cref="MemoryBudget"/> (waiting while the store is behind, which is
/// how backpressure reaches the device), and gets a ticket. One writer commits what is waiting as one store transaction
/// (group commit across messages and clients), hands the batch to the batch observers, and only then marks every ticket
/// of the batch settled; receivers wait for that with <see cref="WaitSettledAsync"/> before they acknowledge. Tickets
/// are settled strictly in order, so acknowledgements leave in the order messages arrived.
/// </summary>
internal sealed partial class IngestionPipeline : IHostedService, ITelemetryIngestionStatus, IDisposable
{
    /// <summary>The bytes a message is charged for its own bookkeeping, beyond its points.</summary>
    internal const int MessageOverheadBytes = 256;

    /// <summary>The bytes a message is charged per accepted point or part event.</summary>
    internal const int ItemBytes = 64;

    private readonly TelemetryOptions _options;
    private readonly ITelemetryStore _store;
    private readonly TimeProvider _wall;
    private readonly TelemetryMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TelemetryValidator _validator;
    private readonly BatchObserverDispatcher _observers;
    private readonly MemoryBudget _budget;
    private readonly Channel<InboxItem> _queue = Channel.CreateUnbounded<InboxItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<InboxItem> _pool = new();
    private readonly Lock _enqueueGate = new();
    private readonly CancellationTokenSource _abort = new();
    private TaskCompletionSource _settledSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastTicket;
    private long _settledThrough;
    private long _lastProgress;
    private volatile IngestionStage _stage;
    private Task? _writer;

    public IngestionPipeline(
        IOptions<TelemetryOptions> options,
        PlantModel plant,
        ITelemetryStore store,
        [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider plantTime,
        TimeProvider wallTime,
        TelemetryMetrics metrics,
        ILogger<IngestionPipeline> logger,
        IEnumerable<ITelemetryBatchObserver>? observers = null,
        SequenceLedgerForwarder? sharedSequences = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(store);
        _options = options.Value;
        _store = store;
        _wall = wallTime;
        _metrics = metrics;
        _logger = logger;
        Catalog = new PlantCatalog(plant);
        _validator = new TelemetryValidator(Catalog, _options, plantTime, metrics, logger, wallTime, sharedSequences);
        _observers = new BatchObserverDispatcher(observers ?? [], wallTime, logger);
        _budget = new MemoryBudget(_options.MaxPendingBytes);
        _lastProgress = _wall.GetTimestamp();
    }

    /// <summary>Gets the plant model's lookups.</summary>
    public PlantCatalog Catalog { get; }

    /// <summary>Gets the number of times a batch observer failed.</summary>
    public long ObserverFailures => _observers.FailureTotal;

    /// <summary>Gets the number of messages accepted and not yet settled.</summary>
    public long Pending => Interlocked.Read(ref _lastTicket) - Volatile.Read(ref _settledThrough);

    /// <summary>Gets the memory budget's bytes held now.</summary>
    public long HeldBytes => _budget.Held;

    /// <summary>Starts the writer.</summary>
    /// <param name="cancellationToken">Not used: the writer runs until <see cref="StopAsync"/>.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer ??= Task.Run(RunWriterAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops taking messages, commits and settles everything already accepted, then ends the writer. When
    /// <paramref name="cancellationToken"/> fires first (the host's shutdown time is up), the writer is abandoned and what
    /// it had not committed stays unacknowledged, for the devices to send again.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for the writer.</param>
    /// <returns>A task that completes when the writer has ended.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_writer is null)
        {
            return;
        }

        try
        {
            await _writer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
            await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _abort.Dispose();
        _observers.Dispose();
    }

    /// <summary>
    /// Validates a received message, waits for room in the memory budget, and queues it for the writer. Never throws
    /// for what the message contains.
    /// </summary>
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="publisher">The publishing gateway (the client id), or <see langword="null"/> when unknown.</param>
    /// <param name="payload">The payload; read before this method first awaits.</param>
    /// <param name="cancellationToken">Ends the wait for room (the connection closed); the message is then not accepted and not acknowledged.</param>
    /// <returns>The message's ticket and outcome.</returns>
    public async ValueTask<Acceptance> AcceptAsync(string topic, string? publisher, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        _metrics.MessageReceived();
        if (!_pool.TryDequeue(out var item))
        {
            item = new InboxItem();
        }

        MessageOutcome outcome;
        RejectionReason? reason;
        try
        {
            outcome = _validator.Validate(topic, publisher, payload, item.Points, item.Parts, out reason);
        }
        catch (Exception ex)
        {
            // A message that breaks the reader is a rejection like any other: counted, logged (rate-limited), settled.
            item.Points.Clear();
            item.Parts.Clear();
            _validator.RejectUnreadable(topic, publisher, ex);
            outcome = MessageOutcome.Rejected;
            reason = RejectionReason.Malformed;
        }

        item.Bytes = MessageOverheadBytes + (ItemBytes * (long)(item.Points.Count + item.Parts.Count));
        try
        {
            await _budget.TakeAsync(item.Bytes, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _metrics.MessagesSettled(1);
            item.Clear();
            _pool.Enqueue(item);
            throw;
        }

        long ticket;
        lock (_enqueueGate)
        {
            // The first message after a time with nothing pending starts the stall clock: the writer may not have woken
            // yet, and the time it sat idle is not time the message waited. Set before the ticket counts it as pending.
            if (_lastTicket == Volatile.Read(ref _settledThrough))
            {
                Interlocked.Exchange(ref _lastProgress, _wall.GetTimestamp());
            }

            // Tickets and queue order agree, so "settled through ticket n" means every message before it too.
            ticket = ++_lastTicket;
            item.Ticket = ticket;
            if (!_queue.Writer.TryWrite(item))
            {
                _lastTicket--;
                _budget.Give(item.Bytes);
                _metrics.MessagesSettled(1);
                item.Clear();
                _pool.Enqueue(item);
                throw new OperationCanceledException("telemetry ingestion is stopping and takes no more messages");
            }
        }

        return new Acceptance(ticket, outcome, reason);
    }

    /// <summary>Waits until the message with <paramref name="ticket"/>, and every message before it, is settled.</summary>
    /// <param name="ticket">A ticket from <see cref="AcceptAsync"/>.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when the ticket is settled.</returns>
    public async ValueTask WaitSettledAsync(long ticket, CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _settledThrough) < ticket)
        {
            var signal = Volatile.Read(ref _settledSignal);
            if (Volatile.Read(ref _settledThrough) >= ticket)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until every message accepted so far is settled.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when nothing accepted before the call is pending.</returns>
    public ValueTask DrainAsync(CancellationToken cancellationToken) => WaitSettledAsync(Interlocked.Read(ref _lastTicket), cancellationToken);

    public IngestionHealth GetHealth()
    {
        var pending = Pending;
        var since = pending == 0 ? TimeSpan.Zero : _wall.GetElapsedTime(Interlocked.Read(ref _lastProgress));
        return new IngestionHealth(pending, _stage, since, _options.StallTimeout, _budget.Held, _budget.Waiting);
    }

    private async Task RunWriterAsync()
    {
        var reader = _queue.Reader;
        var items = new List<InboxItem>(256);
        var abort = _abort.Token;
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                items.Clear();
                int points = 0, parts = 0;
                Interlocked.Exchange(ref _lastProgress, _wall.GetTimestamp());

                // Natural batching: take what is waiting, up to the batch limit; at low load a batch is one message, under
                // load the batch grows while the previous commit runs (group commit).
                while (points < _options.MaxBatchPoints && reader.TryRead(out var item))
                {
                    items.Add(item);
                    points += item.Points.Count;
                    parts += item.Parts.Count;
                }

                if (points + parts > 0)
                {
                    var batch = Batch(items, points, parts);
                    await CommitAsync(batch, abort);
                    if (_observers.Count > 0)
                    {
                        // Observers (the live twin) see the batch before its messages are acknowledged; their failures
                        // are logged and counted, never retried, so the store stays the source of truth.
                        _stage = IngestionStage.BatchObservers;
                        await _observers.NotifyAsync(batch, abort);
                    }
                }

                Settle(items);

                // A small commit means a trickle: let the next messages gather for a moment rather than commit each alone.
                // Not once the queue is closed (a stop commits what it has at once).
                // Only after a commit that stored something: rejected messages are settled without one and never wait.
                if (points + parts > 0 && items.Count < _options.LingerBelowMessages && _options.CommitLinger > TimeSpan.Zero && !reader.Completion.IsCompleted)
                {
                    _stage = IngestionStage.Idle;
                    await Task.WhenAny(Task.Delay(_options.CommitLinger, _wall, abort), reader.Completion);
                    abort.ThrowIfCancellationRequested();
                }
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Abandoned at the end of the host's shutdown time: what was not committed stays unacknowledged.
        }
    }

    private static TelemetryBatch Batch(List<InboxItem> items, int points, int parts)
    {
        var p = new List<SeriesPoint>(points);
        var e = parts == 0 ? [] : new List<PartEvent>(parts);
        foreach (var item in items)
        {
            p.AddRange(item.Points);
            e.AddRange(item.Parts);
        }

        return new TelemetryBatch(p, e);
    }

    private async Task CommitAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectMinDelay;
        _stage = IngestionStage.StoreCommit;
        while (true)
        {
            var started = _wall.GetTimestamp();
            try
            {
                await _store.AppendAsync(batch, cancellationToken);
                _metrics.Committed(batch.Points.Count, batch.Parts.Count, _wall.GetElapsedTime(started));
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Never settle what is not committed: keep the batch and retry; receivers hold the acknowledgements.
                _stage = IngestionStage.StoreRetry;
                _metrics.CommitFailed();
                Log.CommitFailed(_logger, ex, batch.Points.Count, batch.Parts.Count, delay);
            }

            await Task.Delay(delay, _wall, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }
    }

    private void Settle(List<InboxItem> items)
    {
        long bytes = 0;
        var last = 0L;
        foreach (var item in items)
        {
            bytes += item.Bytes;
            last = item.Ticket;
            item.Clear();
            _pool.Enqueue(item);
        }

        _metrics.MessagesSettled(items.Count);
        Interlocked.Exchange(ref _lastProgress, _wall.GetTimestamp());
        _stage = IngestionStage.Idle;
        Volatile.Write(ref _settledThrough, last);
        var signal = Interlocked.Exchange(ref _settledSignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        signal.TrySetResult();
        _budget.Give(bytes);
    }
}
