using System.Collections.Immutable;
using FactoryTwin.Telemetry.Validation;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Server.Cluster;

/// <summary>
/// The cluster's shared sequence window: each gateway's numbers go to its <see cref="IPublisherSequenceGrain"/>,
/// active on one silo of the cluster, whichever node received them.
/// </summary>
internal sealed class GrainSequenceLedger(IGrainFactory grains) : IPublisherSequenceLedger
{
    public async Task<SequenceTally> ObserveAsync(string publisher, long[] sequences, DateTimeOffset[] timestamps, CancellationToken cancellationToken)
    {
        var tally = await grains.GetGrain<IPublisherSequenceGrain>(publisher)
            .ObserveAsync(ImmutableArray.Create(sequences), ImmutableArray.Create(timestamps))
            .WaitAsync(cancellationToken);
        return new SequenceTally(tally.Gaps, tally.Redelivered, tally.Restarts, tally.Late);
    }
}
