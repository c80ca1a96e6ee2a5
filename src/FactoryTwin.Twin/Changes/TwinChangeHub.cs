using System.Runtime.CompilerServices;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Changes;

/// <summary>
/// The process-wide change feed: twins <see cref="Publish"/> notices (cheap: a dictionary write per subscriber), and
/// each subscriber drains what accumulated, at most once per interval of wall time (not plant time: an emulated plant
/// at 60× must not make the server 60 times as busy), so a burst of telemetry becomes a few updates.
/// </summary>
internal sealed class TwinChangeHub : ITwinChangeFeed
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private Subscription[] _subscribers = [];

    public TwinChangeHub(TimeProvider time, IOptions<TwinOptions> options)
    {
        _time = time;
        _interval = options.Value.ChangeInterval;
    }

    /// <summary>Gets the number of subscribers.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Publishes a change of a twin activated in this process, to every subscriber (the relay included).</summary>
    public void Publish(TwinChangeKind kind, string key, DateTimeOffset at, AssetTwinView? view = null)
    {
        var change = new TwinChange(kind, key, at, view);
        var subscribers = Volatile.Read(ref _subscribers);
        for (var i = 0; i < subscribers.Length; i++)
        {
            subscribers[i].Add(change);
        }
    }

    /// <summary>Publishes a change that another node's twin made (<see cref="PostgresChangeRelay"/>), to every subscriber but the relay.</summary>
    /// <param name="change">The change.</param>
    public void PublishRemote(TwinChange change)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        for (var i = 0; i < subscribers.Length; i++)
        {
            if (!subscribers[i].LocalOnly)
            {
                subscribers[i].Add(change);
            }
        }
    }

    public IAsyncEnumerable<IReadOnlyList<TwinChange>> SubscribeAsync(CancellationToken cancellationToken = default) =>
        SubscribeAsync(localOnly: false, cancellationToken);

    /// <summary>Subscribes to the changes of this process's twins only (for the relay), or to all of them.</summary>
    /// <param name="localOnly">Whether changes relayed from other nodes are left out.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The batches, each non-empty.</returns>
    public async IAsyncEnumerable<IReadOnlyList<TwinChange>> SubscribeAsync(bool localOnly, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var subscription = new Subscription(localOnly);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await subscription.Signal.WaitAsync(cancellationToken);
                var batch = subscription.Drain();
                if (batch.Count > 0)
                {
                    yield return batch;

                    // Coalescing window: whatever arrives meanwhile goes into the next batch.
                    await Task.Delay(_interval, _time, cancellationToken);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers = Array.FindAll(_subscribers, s => !ReferenceEquals(s, subscription));
            }

            subscription.Signal.Dispose();
        }
    }

    private sealed class Subscription(bool localOnly)
    {
        private readonly Lock _lock = new();

        public bool LocalOnly { get; } = localOnly;

        private Dictionary<(TwinChangeKind, string), TwinChange> _pending = [];

        public SemaphoreSlim Signal { get; } = new(0, 1);

        public void Add(TwinChange change)
        {
            bool first;
            lock (_lock)
            {
                first = _pending.Count == 0;
                _pending[(change.Kind, change.Key)] = change;
            }

            if (first && Signal.CurrentCount == 0)
            {
                try
                {
                    Signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already signalled by a concurrent publisher.
                }
                catch (ObjectDisposedException)
                {
                    // The subscriber left.
                }
            }
        }

        public List<TwinChange> Drain()
        {
            Dictionary<(TwinChangeKind, string), TwinChange> taken;
            lock (_lock)
            {
                taken = _pending;
                _pending = [];
            }

            return [.. taken.Values];
        }
    }
}
