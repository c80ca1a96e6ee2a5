namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// A Monte Carlo experiment whose replications can run anywhere in the cluster: what to simulate, the seed and the
/// total number of replications. Replication i of a job depends only on the job and (seed, i), so any range of
/// replications (<see cref="IReplicationWorkerGrain"/>) gives the same numbers on whichever silo runs it. Each kind
/// of experiment (shift forecast, what-if scenario) is a sealed subtype that the worker grain knows how to run.
/// </summary>
/// <param name="Replications">The total number of replications, at least 1.</param>
/// <param name="Seed">The seed.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.ReplicationJob")]
public abstract record ReplicationJob(
    [property: Id(0)] int Replications,
    [property: Id(1)] ulong Seed);
