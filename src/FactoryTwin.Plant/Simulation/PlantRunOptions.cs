namespace FactoryTwin.Plant.Simulation;

/// <summary>How a plant simulation is run: horizon, warm-up, seed and replications. Times in seconds.</summary>
public sealed record PlantRunOptions
{
    /// <summary>Gets the experiment seed.</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the warm-up in seconds from the start (simulation time 0 with an empty plant, or the snapshot a run starts from); statistics start after it.</summary>
    /// <value>The default value is 0.</value>
    public double WarmUp { get; init; }

    /// <summary>Gets the length of the statistics window in seconds, after the warm-up.</summary>
    /// <value>The default value is 28 800 (8 hours).</value>
    public double Duration { get; init; } = 8 * 3600;

    /// <summary>Gets the number of independent replications, at least 1.</summary>
    /// <value>The default value is 100.</value>
    public int Replications { get; init; } = 100;

    /// <summary>
    /// Gets the number of the first replication run: a run covers replications <see cref="FirstReplication"/> to
    /// <see cref="FirstReplication"/> + <see cref="Replications"/> − 1, each with the random streams of (seed, its
    /// number), so ranges run apart (on other nodes) and joined in order equal one run over all of them.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int FirstReplication { get; init; }

    /// <summary>Gets the number of threads; -1 for all cores.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Gets the spacing in seconds of the output-over-time series (<see cref="PlantSimulationResult.SeriesInterval"/>)
    /// and of the steps an <see cref="IPlantReplicationObserver"/> sees; 0 records none. The first
    /// <see cref="SeriesReplications"/> replications are run in steps of this length from the start of the statistics
    /// window (the last step ends at the end of the window), in the same run: reading the counters at a step changes
    /// none of their figures. The series is the mean over them.
    /// </summary>
    /// <value>The default value is 0.</value>
    public double SeriesInterval { get; init; }

    /// <summary>Gets how many replications (the first ones, counted from replication 0) are stepped, and so how many the output series averages.</summary>
    /// <value>The default value is 10.</value>
    public int SeriesReplications { get; init; } = 10;
}
