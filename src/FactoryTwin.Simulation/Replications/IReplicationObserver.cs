using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Replications;

/// <summary>
/// Follows the replications of a <see cref="ReplicationRunner"/> run: each step of a stepped replication and each
/// finished replication. Calls for different replications come from worker threads at the same time; the calls of one
/// replication come in order from one thread. An observer writes what it keeps into slots indexed by replication, so
/// that what it collects does not depend on the number of threads.
/// </summary>
public interface IReplicationObserver
{
    /// <summary>
    /// A stepped replication reached step <paramref name="stepIndex"/> (<see cref="ReplicationOptions.StepInterval"/>): read
    /// the running counters (<see cref="LineSimulation.GoodCount"/>, <see cref="LineSimulation.OutputCount"/>) here, not
    /// a whole <see cref="LineSimulation.GetResult"/>.
    /// </summary>
    /// <param name="replication">The replication number.</param>
    /// <param name="stepIndex">The step, 0 to <see cref="ReplicationOptions.StepCount"/> − 1.</param>
    /// <param name="simulation">The replication's simulation, positioned at the step; do not run or reset it.</param>
    void OnStep(int replication, int stepIndex, LineSimulation simulation);

    /// <summary>A replication ran to <see cref="SimulationOptions.EndTime"/>.</summary>
    /// <param name="replication">The replication number.</param>
    /// <param name="result">Its statistics.</param>
    void OnFinished(int replication, ReplicationResult result);
}
