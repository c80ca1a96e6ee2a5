using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Runs what-if comparisons on the cluster: the replications in chunks on worker slots spread over the silos, the
/// comparison (paired differences, intervals, variance reduction) computed once from the rows joined in replication
/// order. For a job the result is bit for bit that of <see cref="WhatIfRunner.Run"/> on the same plant and scenarios in
/// one process, whatever the number of silos and the chunk size (<see cref="Hosting.TwinOptions.WhatIfChunkSize"/>).
/// Resolve it from the silo's services (<c>AddFactoryTwin</c> registers it).
/// </summary>
public interface IClusterWhatIf
{
    /// <summary>Runs a what-if job.</summary>
    /// <param name="job">The plant, the scenarios and the settings (<see cref="WhatIfReplicationJob.Create"/>).</param>
    /// <param name="progress">
    /// Receives the number of finished replications over all runs (up to (1 + scenarios) × replications, the count
    /// <see cref="WhatIfRunner.Run"/> reports) each time a chunk comes back; or <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the chunks.</param>
    /// <returns>The comparison; its <see cref="WhatIfResult.Elapsed"/> is the wall time of the whole run.</returns>
    /// <exception cref="ArgumentException">A file is invalid (the message lists its diagnostics), a scenario does not fit the plant, or the snapshot does not fit a scenario.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The job's settings are out of range.</exception>
    /// <exception cref="InvalidOperationException">A scenario's plant cannot be simulated.</exception>
    Task<WhatIfResult> RunAsync(WhatIfReplicationJob job, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
