namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Follows the replications of <see cref="PlantSimulation.Run(PlantRunOptions, PlantSnapshot?, IPlantReplicationObserver, IProgress{int}?, CancellationToken)"/>
/// in plant terms: each step of a stepped replication and each finished replication. Calls for different replications
/// come from worker threads at the same time; those of one replication come in order from one thread. Keep what is
/// collected in slots indexed by replication, so that it does not depend on the number of threads.
/// </summary>
public interface IPlantReplicationObserver
{
    /// <summary>A stepped replication reached the end of step <paramref name="stepIndex"/> (<see cref="PlantRunOptions.SeriesInterval"/>).</summary>
    /// <param name="replication">The replication number.</param>
    /// <param name="stepIndex">The step, from 0.</param>
    /// <param name="counters">The replication's counters at the step; valid during the call only.</param>
    void OnStep(int replication, int stepIndex, PlantRunCounters counters);

    /// <summary>A replication ran to the end of the statistics window.</summary>
    /// <param name="replication">The finished replication.</param>
    void OnFinished(PlantReplication replication);
}
