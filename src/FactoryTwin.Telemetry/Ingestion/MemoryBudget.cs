namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>
/// An asynchronous, first-come first-served budget of bytes for messages accepted and not yet settled. A receiver that
/// asks for more than is left waits (so MQTTnet stops reading that client's socket and TCP pushes back on the device);
/// settling a message gives its bytes back and wakes waiters in arrival order. A single request larger than the whole
/// budget is admitted once nothing else is held, so no message can wait forever. The fast path allocates nothing.
/// </summary>
internal sealed class MemoryBudget
{
    private readonly Lock _gate = new();
    private readonly Queue<Waiter> _waiters = new();
    private readonly long _capacity;
    private long _held;

    /// <summary>Creates a budget.</summary>
    /// <param name="capacity">The bytes that may be held at once; at least 1.</param>
    public MemoryBudget(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Gets the bytes held now.</summary>
    public long Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Gets the number of requests waiting for bytes.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Takes <paramref name="bytes"/> from the budget, waiting in line while there is not enough.</summary>
    /// <param name="bytes">The bytes to take; at least 1.</param>
    /// <param name="cancellationToken">Ends the wait (the connection closed, the host stops); nothing is taken then.</param>
    /// <returns>A task that completes when the bytes are taken.</returns>
    public ValueTask TakeAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        Waiter waiter;
        lock (_gate)
        {
            if (_waiters.Count == 0 && Fits(bytes))
            {
                _held += bytes;
                return ValueTask.CompletedTask;
            }

            waiter = new Waiter(bytes);
            _waiters.Enqueue(waiter);
        }

        return new ValueTask(WaitAsync(waiter, cancellationToken));
    }

    /// <summary>Gives bytes back and admits the waiters that now fit, in arrival order.</summary>
    /// <param name="bytes">The bytes taken earlier.</param>
    public void Give(long bytes)
    {
        List<Waiter>? admitted = null;
        lock (_gate)
        {
            _held -= bytes;
            while (_waiters.TryPeek(out var next))
            {
                if (next.Completion.Task.IsCompleted)
                {
                    // Cancelled while waiting: it holds nothing.
                    _waiters.Dequeue();
                    continue;
                }

                if (!Fits(next.Bytes))
                {
                    break;
                }

                _waiters.Dequeue();
                _held += next.Bytes;
                (admitted ??= []).Add(next);
            }
        }

        if (admitted is not null)
        {
            foreach (var waiter in admitted)
            {
                if (!waiter.Completion.TrySetResult())
                {
                    // Cancelled at the same moment: it will not use the bytes.
                    Give(waiter.Bytes);
                }
            }
        }
    }

    private bool Fits(long bytes) => _held + bytes <= _capacity || _held == 0;

    private static async Task WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(static state => ((Waiter)state!).Completion.TrySetCanceled(), waiter);
        await waiter.Completion.Task;
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
