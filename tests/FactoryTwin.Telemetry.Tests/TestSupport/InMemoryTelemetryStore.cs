using System.Collections.Concurrent;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>
/// A test store, idempotent on (series, ts, seq) like the real ones. It counts how often each key was offered, can hold
/// commits behind a gate (a slow store), can fail the first appends, and signals every commit.
/// </summary>
internal sealed class InMemoryTelemetryStore : ITelemetryStore, IDisposable
{
    private readonly ConcurrentDictionary<(string, long, long), int> _offered = new();
    private readonly ConcurrentQueue<SeriesPoint> _points = new();
    private readonly ConcurrentQueue<PartEvent> _parts = new();
    private readonly SemaphoreSlim _changed = new(0);
    private int _failuresLeft;
    private int _appends;

    /// <summary>Gets or sets a gate every append waits on; null for none.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Appends => Volatile.Read(ref _appends);

    public int Distinct => _points.Count;

    public IReadOnlyCollection<SeriesPoint> Points => _points;

    public IReadOnlyCollection<PartEvent> Parts => _parts;

    public int TimesOffered(SeriesPoint p) => _offered.TryGetValue((p.Series.Value, p.Timestamp.UtcTicks, p.Seq), out var n) ? n : 0;

    public int MaxOffered => _offered.IsEmpty ? 0 : _offered.Values.Max();

    public void FailNext(int count) => _failuresLeft = count;

    public async ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("simulated store failure");
        }

        foreach (var p in batch.Points)
        {
            if (_offered.AddOrUpdate((p.Series.Value, p.Timestamp.UtcTicks, p.Seq), 1, (_, n) => n + 1) == 1)
            {
                _points.Enqueue(p);
            }
        }

        foreach (var e in batch.Parts)
        {
            _parts.Enqueue(e);
        }

        Interlocked.Increment(ref _appends);
        _changed.Release();
    }

    /// <summary>Waits until a condition holds, re-checking after every commit.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(100), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"condition not met within {timeout}; {Distinct} points stored");
            }
        }
    }

    public void Dispose() => _changed.Dispose();
}
