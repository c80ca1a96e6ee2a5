using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>One finished replication of a plant run, with reads in plant terms (lines by position in <see cref="PlantSimulation.Lines"/>, stations by position in <see cref="PlantSimulation.Stations"/>).</summary>
public sealed class PlantReplication
{
    private readonly PlantSimulation _plant;

    internal PlantReplication(PlantSimulation plant, ReplicationResult result)
    {
        _plant = plant;
        Result = result;
    }

    /// <summary>Gets the replication number.</summary>
    public int Replication => Result.Replication;

    /// <summary>Gets the engine statistics of the replication (stations in the order of <see cref="PlantSimulation.Stations"/>).</summary>
    public ReplicationResult Result { get; }

    /// <summary>Returns the good parts a line made in the statistics window: those of its exit stations.</summary>
    /// <param name="line">The line's position in <see cref="PlantSimulation.Lines"/>.</param>
    /// <returns>Good parts.</returns>
    public long LineGood(int line) => _plant.LineGood(Result, line);

    /// <summary>Returns the share of the window in which a station was the bottleneck, sole or shifting (active-period method).</summary>
    /// <param name="station">The station's position in <see cref="PlantSimulation.Stations"/>.</param>
    /// <returns>A fraction in [0, 1].</returns>
    public double BottleneckShare(int station) => Result.Stations[station].SoleBottleneck + Result.Stations[station].ShiftingBottleneck;
}
