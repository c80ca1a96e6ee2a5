using System.Collections.Immutable;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Publishers;

/// <summary>
/// Holds one gateway's <see cref="SharedSequenceWindow"/> for the whole cluster. The window lives in memory: if the
/// grain's silo dies, the next activation starts a new window at the next number it is sent, so the numbers in flight
/// at that moment are neither counted as gaps nor as redeliveries. That is the price of keeping ingestion free of a
/// database round trip per message; the stored data is not affected (duplicates are stored once by the historian's key).
/// </summary>
internal sealed class PublisherSequenceGrain : Grain, IPublisherSequenceGrain
{
    /// <summary>Undecided numbers held per publisher: room for 64 k messages of difference between the nodes.</summary>
    internal const int WindowSize = 1 << 16;

    /// <summary>How long a number stays undecided after a higher one arrived: the nodes' difference in delay.</summary>
    internal static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(5);

    private readonly SharedSequenceWindow _window = new(WindowSize, SettleAfter);
    private readonly TimeProvider _time;
    private readonly long _started;

    public PublisherSequenceGrain(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    public Task<PublisherSequenceTally> ObserveAsync(ImmutableArray<long> sequences, ImmutableArray<DateTimeOffset> timestamps) =>
        Task.FromResult(_window.Observe(sequences.AsSpan(), timestamps.AsSpan(), _time.GetElapsedTime(_started)));
}
