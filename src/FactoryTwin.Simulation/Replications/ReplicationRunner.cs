using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Replications;

/// <summary>
/// Runs independent replications in parallel. Replication i always uses the streams of (seed, i) and
/// each result lands in slot i, so results are bit-identical whatever the degree of parallelism.
/// </summary>
public static class ReplicationRunner
{
    /// <summary>Runs <paramref name="replications"/> replications of <paramref name="model"/> to <see cref="SimulationOptions.EndTime"/>.</summary>
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
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 or a positive number.");
        }

        var results = new ReplicationResult[replications];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };

        // One simulation per worker, reused across its replications (Reset restores everything).
        Parallel.For(
            0,
            replications,
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

                sim.Run();
                results[i] = sim.GetResult();
                return sim;
            },
            _ => { });
        return new ReplicationSet([.. results]);
    }
}
