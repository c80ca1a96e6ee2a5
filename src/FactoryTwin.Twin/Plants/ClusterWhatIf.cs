using System.Collections.Immutable;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Coordinates a what-if on the caller's silo: reads the job once here (so bad input fails before any chunk is sent),
/// spreads its replications in chunks of <see cref="TwinOptions.WhatIfChunkSize"/> over the worker slots
/// (<see cref="ReplicationSpreader"/>), and summarizes the joined rows with <see cref="WhatIfExperiment.Summarize"/>,
/// the code the local <see cref="WhatIfRunner"/> uses.
/// </summary>
internal sealed class ClusterWhatIf : IClusterWhatIf
{
    private readonly IGrainFactory _grains;
    private readonly WhatIfExperiments _experiments;
    private readonly TimeProvider _wall;
    private readonly int _chunkSize;

    public ClusterWhatIf(IGrainFactory grains, WhatIfExperiments experiments, TimeProvider wall, IOptions<TwinOptions> options)
    {
        _grains = grains;
        _experiments = experiments;
        _wall = wall;
        _chunkSize = options.Value.WhatIfChunkSize;
    }

    public async Task<WhatIfResult> RunAsync(WhatIfReplicationJob job, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        (await SpreadAsync(job, _chunkSize, progress, cancellationToken)).Result;

    /// <summary>Runs a job in chunks of <paramref name="chunkSize"/> and tells which silo ran each chunk.</summary>
    internal async Task<(WhatIfResult Result, ImmutableArray<string> Hosts)> SpreadAsync(
        WhatIfReplicationJob job, int chunkSize, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        long started = _wall.GetTimestamp();

        // Parsing the files and building the simulations is CPU work: off the caller's thread, like the chunks.
        var experiment = await Task.Run(() => _experiments.Get(job), cancellationToken);
        var runs = progress is null ? null : new RunsProgress(progress, experiment.Runs);
        var (rows, hosts) = await ReplicationSpreader.RunAsync(_grains, job, chunkSize, runs, cancellationToken);
        return (experiment.Summarize(rows, _wall.GetElapsedTime(started)), hosts);
    }

    /// <summary>Turns finished replications of the job into finished replications over all its runs (the baseline and each scenario).</summary>
    private sealed class RunsProgress(IProgress<int> progress, int runs) : IProgress<int>
    {
        public void Report(int value) => progress.Report(value * runs);
    }
}
