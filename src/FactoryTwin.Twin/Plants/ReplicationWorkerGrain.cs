using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Orleans.Concurrency;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Runs ranges of replications on the silo that hosts it. Not a <c>[StatelessWorker]</c>: Orleans places stateless
/// workers on the caller's silo, which would keep every chunk on the silo of the plant twin. A worker slot is an
/// ordinary grain placed on silo (slot mod silo count) (<see cref="SlotPlacement"/>), so the chunks of a job are dealt
/// out evenly over the silos; <c>[Reentrant]</c> because it keeps no state, so one slot runs concurrent chunks of
/// several jobs. A what-if reads its plant and scenario files once per silo (<see cref="WhatIfExperiments"/>).
/// </summary>
[Reentrant]
[SlotPlacement]
internal sealed class ReplicationWorkerGrain : Grain, IReplicationWorkerGrain
{
    /// <summary>The forecast chunks this silo runs at once: all its cores but one (the forecast runs in the background, every minute).</summary>
    private static readonly SemaphoreSlim ForecastCores = new(Math.Max(1, Environment.ProcessorCount - 1));

    /// <summary>
    /// The what-if chunks this silo runs at once: all its cores, as a what-if run inside the node did before it was spread
    /// (an engineer asks for it, and each node runs one analysis at a time).
    /// </summary>
    private static readonly SemaphoreSlim AnalysisCores = new(Environment.ProcessorCount);

    private readonly ShiftForecasterHolder _forecaster;
    private readonly PlantIndex _index;
    private readonly WhatIfExperiments _whatIfs;

    public ReplicationWorkerGrain(ShiftForecasterHolder forecaster, PlantIndex index, WhatIfExperiments whatIfs)
    {
        _forecaster = forecaster;
        _index = index;
        _whatIfs = whatIfs;
    }

    public async Task<ReplicationChunkView> RunAsync(ReplicationJob job, int first, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // CPU-bound: off the activation's scheduler (the replications use the silo's cores), so the silo keeps serving calls.
        // Each chunk runs on one thread. At most one forecast chunk per core but one runs on this silo at a time: a
        // forecast never takes the core that serves ingestion, API reads and dashboards (the result is the same whatever
        // the threads).
        var cores = job is WhatIfReplicationJob ? AnalysisCores : ForecastCores;
        await cores.WaitAsync(cancellationToken);
        ReplicationRows rows;
        try
        {
            rows = job switch
            {
                ForecastReplicationJob forecast => await Task.Run(() => RunForecast(forecast, first, count, cancellationToken), cancellationToken),
                WhatIfReplicationJob whatIf => await Task.Run(() => _whatIfs.Get(whatIf).RunReplications(first, count, null, cancellationToken), cancellationToken),
                _ => throw new NotSupportedException($"This silo cannot run replication jobs of type {job.GetType().Name}."),
            };
        }
        finally
        {
            cores.Release();
        }

        return new ReplicationChunkView(rows.First, rows.Count, rows.Width, rows.Values, RuntimeIdentity);
    }

    private ReplicationRows RunForecast(ForecastReplicationJob job, int first, int count, CancellationToken cancellationToken)
    {
        var snapshot = PlantSnapshotMapper.Map(job.Snapshot, _index);
        return _forecaster.Forecaster.RunReplications(snapshot, ForecastOptions(job) with { MaxDegreeOfParallelism = 1 }, first, count, null, cancellationToken);
    }

    /// <summary>The options every chunk and the summary of a forecast job share (targets do not change the replications).</summary>
    internal static ShiftForecastOptions ForecastOptions(ForecastReplicationJob job) =>
        new() { Replications = job.Replications, Seed = job.Seed };
}
