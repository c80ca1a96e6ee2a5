using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>The reference line of the simulation benchmarks.</summary>
internal static class SimulationBenchmarkLines
{
    /// <summary>The engine's reference line: see <see cref="ReferenceLines.TenStationWithFailures"/>.</summary>
    public static LineModel TenStationLine() => ReferenceLines.TenStationWithFailures();

    /// <summary>Options for one shift of <paramref name="hours"/> hours.</summary>
    public static SimulationOptions Shift(double hours) => new() { Seed = 1, EndTime = hours * 3600 };
}
