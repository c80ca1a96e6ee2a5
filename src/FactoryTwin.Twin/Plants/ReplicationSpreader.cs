using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Splits a <see cref="ReplicationJob"/> into chunks of consecutive replications, runs them at once on worker slots
/// (<see cref="IReplicationWorkerGrain"/>) spread over the silos, and joins the rows in replication order. The joined
/// rows depend on the job alone: not on the chunk size, the number of silos, or which silo ran which chunk.
/// </summary>
internal static class ReplicationSpreader
{
    /// <summary>Runs every replication of <paramref name="job"/> in chunks of at most <paramref name="chunkSize"/>.</summary>
    /// <param name="grains">Reaches the worker grains.</param>
    /// <param name="job">The experiment.</param>
    /// <param name="chunkSize">The most replications per chunk, at least 1.</param>
    /// <param name="progress">Receives the number of the job's replications finished so far as each chunk comes back, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the chunks.</param>
    /// <returns>The rows of replications 0 to <see cref="ReplicationJob.Replications"/> − 1, and the silo of each chunk.</returns>
    public static async Task<(ReplicationRows Rows, ImmutableArray<string> Hosts)> RunAsync(
        IGrainFactory grains, ReplicationJob job, int chunkSize, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(job);
        var chunks = ReplicationRows.Chunks(job.Replications, chunkSize);
        var calls = new Task<ReplicationChunkView>[chunks.Length];
        var done = new StrongBox<int>();
        for (int c = 0; c < chunks.Length; c++)
        {
            // Slot c runs chunk c: a job of k chunks uses slots 0..k-1, each placed on its own silo when first activated.
            var call = grains.GetGrain<IReplicationWorkerGrain>(c).RunAsync(job, chunks[c].First, chunks[c].Count, cancellationToken);
            calls[c] = progress is null ? call : Counted(call, done, progress);
        }

        var views = await Task.WhenAll(calls);
        var rows = ReplicationRows.Concat(views.Select(v => new ReplicationRows(v.First, v.Count, v.Width, v.Values)));
        if (rows.First != 0 || rows.Count != job.Replications)
        {
            throw new InvalidOperationException($"The workers returned replications {rows.First}..{rows.End - 1}, not 0..{job.Replications - 1}.");
        }

        return (rows, [.. views.Select(v => v.Host)]);
    }

    private static async Task<ReplicationChunkView> Counted(Task<ReplicationChunkView> call, StrongBox<int> done, IProgress<int> progress)
    {
        var view = await call;
        progress.Report(Interlocked.Add(ref done.Value, view.Count));
        return view;
    }
}
