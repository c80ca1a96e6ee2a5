using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Simulation.Replications;

/// <summary>How <see cref="ReplicationRunner"/> runs replications: how many, on how many threads, from where, and in which steps.</summary>
public sealed record ReplicationOptions
{
    /// <summary>Gets the number of replications, at least 1.</summary>
    /// <value>The default value is 1.</value>
    public int Replications { get; init; } = 1;

    /// <summary>
    /// Gets the number of the first replication: a run covers replications <see cref="FirstReplication"/> to
    /// <see cref="FirstReplication"/> + <see cref="Replications"/> − 1. Replication i uses the streams of (seed, i)
    /// wherever it runs, so a large experiment split into ranges (one per node or worker) and joined in replication
    /// order equals the whole run bit for bit.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int FirstReplication { get; init; }

    /// <summary>Gets the number of threads; -1 for all cores.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the snapshot every replication starts from (warm start), or <see langword="null"/> to start empty at time 0.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LineSnapshot? Start { get; init; }

    /// <summary>
    /// Gets the spacing of the steps in seconds. Step k of a stepped replication ends at
    /// min(origin + (k + 1) · <see cref="StepInterval"/>, <see cref="SimulationOptions.EndTime"/>), where the origin is
    /// the start of the statistics window: the later of the start time and <see cref="SimulationOptions.WarmUpTime"/>.
    /// </summary>
    /// <value>The default value is 0 (no steps).</value>
    public double StepInterval { get; init; }

    /// <summary>Gets the number of steps of a stepped replication, at least 0.</summary>
    /// <value>The default value is 0.</value>
    public int StepCount { get; init; }

    /// <summary>Gets how many replications (the first ones, counted from replication 0, not from <see cref="FirstReplication"/>) are stepped; the others run to the end in one go.</summary>
    /// <value>The default value is <see cref="int.MaxValue"/> (all of them).</value>
    public int SteppedReplications { get; init; } = int.MaxValue;
}
