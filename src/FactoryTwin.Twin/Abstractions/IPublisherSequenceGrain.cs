using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// The sequence numbers of one publishing gateway as the whole cluster received them, keyed by the gateway's id. With
/// an MQTT 5 shared subscription each node ingests part of a gateway's messages; every node sends this grain the
/// numbers it accepted, so gaps are counted once, where all numbers meet, and a message two nodes received is found.
/// </summary>
[Alias("FactoryTwin.Twin.IPublisherSequenceGrain")]
public interface IPublisherSequenceGrain : IGrainWithStringKey
{
    /// <summary>Records numbers one node accepted, in its order.</summary>
    /// <param name="sequences">The sequence numbers.</param>
    /// <param name="timestamps">The messages' timestamps, one per number.</param>
    /// <returns>What the window decided during this call: settled gaps, redeliveries, restarts, late numbers.</returns>
    [Alias("Observe")]
    Task<PublisherSequenceTally> ObserveAsync(ImmutableArray<long> sequences, ImmutableArray<DateTimeOffset> timestamps);
}

/// <summary>What a publisher's shared sequence window decided.</summary>
/// <param name="Gaps">Numbers settled as never received by any node.</param>
/// <param name="Redelivered">Numbers received again (by another node, or by one node twice).</param>
/// <param name="Restarts">Times the publisher restarted its counter.</param>
/// <param name="Late">Numbers that had been settled as gaps and then arrived: gaps minus late never arrived.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.PublisherSequenceTally")]
public readonly record struct PublisherSequenceTally(
    [property: Id(0)] long Gaps,
    [property: Id(1)] long Redelivered,
    [property: Id(2)] int Restarts,
    [property: Id(3)] long Late = 0);
