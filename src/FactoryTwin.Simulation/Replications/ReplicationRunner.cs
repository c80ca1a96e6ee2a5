using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Replications;

/// <summary>
/// Runs independent replications in parallel: the one replication loop of the solution (plant simulation, shift
/// forecast, what-if). Replication i always uses the streams of (seed, i), starts from the same state and reports to
/// its own slot, so results are bit-identical whatever the degree of parallelism. Stepping a replication
/// (<see cref="ReplicationOptions.StepCount"/>) runs it to the same end in pieces, which changes none of its figures.
/// </summary>
public static class ReplicationRunner
{
    /// <summary>
    /// Runs replications <see cref="ReplicationOptions.FirstReplication"/> onwards of <paramref name="model"/> to
    /// <see cref="SimulationOptions.EndTime"/>, reporting steps and results to <paramref name="observer"/> under their
    /// absolute replication numbers.
    /// </summary>
    /// <param name="model">The line.</param>
    /// <param name="options">Seed, horizon and warm-up.</param>
    /// <param name="replications">How many, on how many threads, from where and in which steps.</param>
    /// <param name="observer">Receives each step and each finished replication, from worker threads.</param>
    /// <param name="progress">Receives the number of finished replications (from worker threads), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <exception cref="ArgumentOutOfRangeException">The replication options are out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void Run(
        LineModel model,
        SimulationOptions options,
        ReplicationOptions replications,
        IReplicationObserver observer,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(replications);
        ArgumentNullException.ThrowIfNull(observer);
        Validate(replications);

        var start = replications.Start;
        double interval = replications.StepInterval;
        int steps = replications.StepCount;
        int first = replications.FirstReplication;
        int stepped = replications.SteppedReplications;
        double origin = Math.Max(start?.Time ?? 0, options.WarmUpTime);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = replications.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        int done = 0;

        // One simulation per worker, reused across its replications (Reset restores everything).
        Parallel.For(
            first,
            first + replications.Replications,
            parallel,
            () => (LineSimulation?)null,
            (i, _, sim) =>
            {
                if (sim is null)
                {
                    sim = new LineSimulation(model, options, i, start);
                }
                else
                {
                    sim.Reset(i, start);
                }

                if (i < stepped)
                {
                    for (int k = 0; k < steps; k++)
                    {
                        sim.RunUntil(Math.Min(origin + ((k + 1) * interval), options.EndTime));
                        observer.OnStep(i, k, sim);
                    }
                }

                sim.Run();
                observer.OnFinished(i, sim.GetResult());
                progress?.Report(Interlocked.Increment(ref done));
                return sim;
            },
            _ => { });
    }

    /// <summary>Runs <paramref name="replications"/> replications of <paramref name="model"/> to <see cref="SimulationOptions.EndTime"/> and keeps their results.</summary>
    /// <param name="model">The line.</param>
    /// <param name="options">Seed, horizon and warm-up.</param>
    /// <param name="replications">Number of replications, at least 1.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="start">Optional warm-start snapshot shared by all replications.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <returns>The results in replication order.</returns>
    public static ReplicationSet Run(
        LineModel model,
        SimulationOptions options,
        int replications,
        int maxDegreeOfParallelism = -1,
        LineSnapshot? start = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        var collector = new ResultCollector(replications);
        Run(
            model,
            options,
            new ReplicationOptions { Replications = replications, MaxDegreeOfParallelism = maxDegreeOfParallelism, Start = start },
            collector,
            cancellationToken: cancellationToken);
        return new ReplicationSet(ImmutableCollectionsMarshal.AsImmutableArray(collector.Results));
    }

    private static void Validate(ReplicationOptions replications)
    {
        if (replications.Replications < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(replications), replications.Replications, "Run at least 1 replication.");
        }

        if (replications.FirstReplication < 0 || replications.FirstReplication > int.MaxValue - replications.Replications)
        {
            throw new ArgumentOutOfRangeException(nameof(replications), replications.FirstReplication, "FirstReplication must be at least 0 and the range must end before int.MaxValue.");
        }

        if (replications.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(replications), replications.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 or positive.");
        }

        if (replications.StepCount < 0 || replications.SteppedReplications < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(replications), "StepCount and SteppedReplications must be at least 0.");
        }

        if (replications.StepCount > 0 && !(replications.StepInterval > 0 && double.IsFinite(replications.StepInterval)))
        {
            throw new ArgumentOutOfRangeException(nameof(replications), replications.StepInterval, "Steps need a positive, finite StepInterval.");
        }
    }

    /// <summary>Keeps every result in its replication's slot.</summary>
    private sealed class ResultCollector(int replications) : IReplicationObserver
    {
        public ReplicationResult[] Results { get; } = new ReplicationResult[replications];

        public void OnStep(int replication, int stepIndex, LineSimulation simulation)
        {
        }

        public void OnFinished(int replication, ReplicationResult result) => Results[replication] = result;
    }
}
