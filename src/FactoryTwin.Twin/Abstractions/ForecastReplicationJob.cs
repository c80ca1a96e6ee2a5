namespace FactoryTwin.Twin.Abstractions;

/// <summary>The replications of a shift forecast from a live snapshot, to the end of the shift around it.</summary>
/// <param name="Snapshot">The live plant the replications start from.</param>
/// <param name="Replications">The total number of replications, at least 1.</param>
/// <param name="Seed">The seed.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.ForecastReplicationJob")]
public sealed record ForecastReplicationJob(
    [property: Id(0)] TwinSnapshot Snapshot,
    int Replications,
    ulong Seed) : ReplicationJob(Replications, Seed);
