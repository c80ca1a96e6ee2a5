using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The running counters of one replication at a step, read without building a result (no allocation): the plant's
/// output and each line's good parts in the statistics window so far. Valid during the observer call only.
/// </summary>
public readonly ref struct PlantRunCounters
{
    private readonly PlantSimulation _plant;
    private readonly LineSimulation _run;

    internal PlantRunCounters(PlantSimulation plant, LineSimulation run)
    {
        _plant = plant;
        _run = run;
    }

    /// <summary>Gets the parts that reached a sink so far (the same figure as <see cref="PlantSimulationResult.Output"/> per replication).</summary>
    public long Output => _run.OutputCount;

    /// <summary>Returns the good parts a line has made so far: those of its exit stations (<see cref="PlantLineMap.ExitStations"/>).</summary>
    /// <param name="line">The line's position in <see cref="PlantSimulation.Lines"/>.</param>
    /// <returns>Good parts in the window.</returns>
    public long LineGood(int line) => _plant.LineGood(_run, line);
}
