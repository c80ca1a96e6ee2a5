using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Plants;

/// <summary>The live twin's snapshot as the simulation's start state, for analyses that run from the plant as it is.</summary>
public static class TwinSnapshotConversion
{
    /// <summary>
    /// Maps a snapshot of the live twin to the simulation's snapshot of <paramref name="plant"/>: the same mapping the
    /// shift forecast uses (the bodies in each station and buffer, the work done on them, the time down or in setup,
    /// the shift's counts so far).
    /// </summary>
    /// <param name="snapshot">The twin's snapshot.</param>
    /// <param name="plant">The plant model the twin serves.</param>
    /// <returns>The simulation's start state.</returns>
    public static PlantSnapshot ToPlantSnapshot(this TwinSnapshot snapshot, PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(plant);
        return PlantSnapshotMapper.Map(snapshot, new PlantIndex(plant));
    }
}
