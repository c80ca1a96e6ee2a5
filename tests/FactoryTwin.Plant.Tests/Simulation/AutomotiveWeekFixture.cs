using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

/// <summary>One week of the automotive sample (two replications), shared by the tests that inspect it.</summary>
public sealed class AutomotiveWeekFixture
{
    public AutomotiveWeekFixture()
    {
        Simulation = PlantSimulationBuilder.Build(TestPlants.Automotive);
        Result = Simulation.Run(new PlantRunOptions { Seed = 1, Duration = 7 * 24 * 3600, Replications = 2 });
    }

    public PlantSimulation Simulation { get; }

    public PlantSimulationResult Result { get; }
}
