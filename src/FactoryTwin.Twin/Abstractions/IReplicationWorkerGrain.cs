namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// Runs a range of the replications of a <see cref="ReplicationJob"/>: the unit the cluster spreads a forecast or a
/// what-if over. The key is a worker slot (0, 1, 2, …); slot k is placed on silo k mod n of the n silos (in address
/// order) when it is first called, so the chunks of one job are dealt out evenly over the silos, and a slot whose silo
/// left is placed again on a live one. Stateless and reentrant: one slot runs any number of chunks at once.
/// </summary>
[Alias("FactoryTwin.Twin.IReplicationWorkerGrain")]
public interface IReplicationWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Runs replications <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of <paramref name="job"/>.</summary>
    /// <param name="job">The experiment.</param>
    /// <param name="first">The first replication, at least 0.</param>
    /// <param name="count">The number of replications, at least 1, ending by <see cref="ReplicationJob.Replications"/>.</param>
    /// <param name="cancellationToken">Cancels the chunk.</param>
    /// <returns>The chunk's rows.</returns>
    [Alias("Run")]
    Task<ReplicationChunkView> RunAsync(ReplicationJob job, int first, int count, CancellationToken cancellationToken = default);
}
