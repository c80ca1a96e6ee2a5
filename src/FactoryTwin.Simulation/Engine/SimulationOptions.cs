namespace FactoryTwin.Simulation.Engine;

/// <summary>How one run (replication) is set up. All times are absolute simulation seconds.</summary>
public sealed record SimulationOptions
{
    /// <summary>Gets the experiment seed; with the replication number it fixes every random stream.</summary>
    public ulong Seed { get; init; }

    /// <summary>Gets the time at which <see cref="LineSimulation.Run"/> stops (events at exactly this time do not run).</summary>
    public double EndTime { get; init; } = 8 * 3600;

    /// <summary>Gets the end of the warm-up: statistics cover [max(start, WarmUpTime), EndTime).</summary>
    /// <value>The default value is 0 (no warm-up).</value>
    public double WarmUpTime { get; init; }

    /// <summary>Gets the spacing of the WIP time series in seconds; 0 records none.</summary>
    /// <value>The default value is 0.</value>
    public double WipSampleInterval { get; init; }

    /// <summary>Gets whether active periods are recorded for bottleneck detection.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool TrackBottlenecks { get; init; } = true;
}
