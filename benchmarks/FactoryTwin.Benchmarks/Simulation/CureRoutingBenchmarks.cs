using BenchmarkDotNet.Attributes;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>
/// What judging every body's cure costs the plant simulation: one replication of a day (24 h) of the automotive sample on
/// one thread, with the topcoat oven routing by cure (<c>oven.cureRework</c>, the sample as shipped) against the same
/// plant without it (the baseline). <c>…Warm</c> reuses one built simulation, so the per-style verdict at the setpoints
/// and the verdicts of the stops the run sees are cached after the first operation (the steady state of a forecast or
/// what-if that runs many replications); <c>…Cold</c> builds the simulation anew each operation, so the thermal solves
/// (one batch at the setpoints, one per distinct oven stop) are paid in it.
/// </summary>
[MemoryDiagnoser]
public class CureRoutingBenchmarks
{
    private static readonly PlantRunOptions Day = new() { Seed = 1, Duration = 24 * 3600, Replications = 1, MaxDegreeOfParallelism = 1 };
    private PlantModel _routed = null!;
    private PlantModel _plain = null!;
    private PlantSimulation _routedSimulation = null!;
    private PlantSimulation _plainSimulation = null!;

    /// <summary>Loads the sample and the same plant without cure routing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(RepositoryFiles.Find("samples", "plants", "automotive.yaml"));
        _routed = PlantLoader.Parse(text).Model ?? throw new InvalidOperationException("cannot load the sample");
        const string Route = "              cureRework: repaint-queue\n";
        if (!text.Contains(Route, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the sample no longer routes the topcoat oven by cure");
        }

        _plain = PlantLoader.Parse(text.Replace(Route, string.Empty, StringComparison.Ordinal)).Model ?? throw new InvalidOperationException("cannot load the plain plant");
        _routedSimulation = PlantSimulationBuilder.Build(_routed);
        _plainSimulation = PlantSimulationBuilder.Build(_plain);
    }

    /// <summary>A day without cure routing, simulation built once.</summary>
    /// <returns>The plant output.</returns>
    [Benchmark(Baseline = true)]
    public double PlainWarm() => _plainSimulation.Run(Day).Output.Mean;

    /// <summary>A day with cure routing, simulation built once (verdicts cached).</summary>
    /// <returns>The plant output.</returns>
    [Benchmark]
    public double RoutedWarm() => _routedSimulation.Run(Day).Output.Mean;

    /// <summary>A day without cure routing, simulation built in the operation.</summary>
    /// <returns>The plant output.</returns>
    [Benchmark]
    public double PlainCold() => PlantSimulationBuilder.Build(_plain).Run(Day).Output.Mean;

    /// <summary>A day with cure routing, simulation built in the operation (thermal solves included).</summary>
    /// <returns>The plant output.</returns>
    [Benchmark]
    public double RoutedCold() => PlantSimulationBuilder.Build(_routed).Run(Day).Output.Mean;
}
