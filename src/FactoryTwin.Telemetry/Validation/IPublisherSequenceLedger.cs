namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// A record of each publisher's sequence numbers that all nodes of a cluster share. With an MQTT 5 shared subscription
/// the broker hands each node only part of a publisher's messages, so a node's own window would count every number
/// another node received as a gap. When a host registers a ledger, nodes send it the numbers they accept and count
/// gaps, restarts and cross-node redeliveries from what it answers; the node's own window still rejects a message it
/// has already received itself.
/// </summary>
public interface IPublisherSequenceLedger
{
    /// <summary>Records numbers of one publisher, in the order this node accepted them.</summary>
    /// <param name="publisher">The publishing gateway's id.</param>
    /// <param name="sequences">The sequence numbers.</param>
    /// <param name="timestamps">The messages' timestamps, one per number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the shared window decided since the publisher's last call, from any node.</returns>
    Task<SequenceTally> ObserveAsync(string publisher, long[] sequences, DateTimeOffset[] timestamps, CancellationToken cancellationToken);
}

/// <summary>What a shared sequence window decided.</summary>
/// <param name="Gaps">Numbers that are settled as never received by any node.</param>
/// <param name="Redelivered">Numbers that another node (or this one) had already received: stored once, by the historian's key.</param>
/// <param name="Restarts">Times the publisher restarted its counter.</param>
/// <param name="Late">Numbers that had been settled as gaps and then arrived (a node that was down, back with what its broker held).</param>
public readonly record struct SequenceTally(long Gaps, long Redelivered, int Restarts, long Late = 0);
