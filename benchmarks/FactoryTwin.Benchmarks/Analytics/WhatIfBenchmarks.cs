using BenchmarkDotNet.Attributes;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Benchmarks.Analytics;

/// <summary>
/// A what-if of the automotive plant: 2 scenarios (samples/whatif: a bigger closures buffer, a faster respot) × 200
/// replications of a shift (1 h warm-up + 8 h), with common random numbers and the paired differences — what
/// <c>factorytwin whatif samples/plants/automotive.yaml samples/whatif/*.yaml -n 200</c> computes, without loading and
/// printing. The baseline is one <c>simulate</c> of the plant with the same 200 replications, so <c>Ratio</c> is the
/// what-if's cost in plant runs (three runs, one per plant, plus the comparison). Both on all cores.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class WhatIfBenchmarks
{
    private const int Replications = 200;
    private static readonly string[] s_scenarioFiles = ["bigger-closures-buffer.yaml", "faster-respot.yaml"];

    private PlantModel _plant = null!;
    private WhatIfScenario[] _scenarios = [];
    private PlantSimulation _simulation = null!;

    /// <summary>Loads the plant and the two sample scenarios.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var loaded = PlantLoader.LoadFile(RepositoryFiles.Find("samples", "plants", "automotive.yaml"));
        _plant = loaded.Model ?? throw new InvalidOperationException(string.Join("; ", loaded.Diagnostics));
        _scenarios =
        [
            .. s_scenarioFiles.Select(f =>
                WhatIfScenarioLoader.LoadFile(RepositoryFiles.Find("samples", "whatif", f), _plant).Scenario ?? throw new InvalidOperationException($"samples/whatif/{f} is invalid.")),
        ];
        _simulation = PlantSimulationBuilder.Build(_plant);
    }

    /// <summary>One plant run: 200 replications of the shift, as <c>factorytwin simulate</c>.</summary>
    /// <returns>The plant's mean output.</returns>
    [Benchmark(Baseline = true)]
    public double Simulate() => _simulation.Run(new PlantRunOptions { Seed = 1, WarmUp = 3600, Duration = 8 * 3600, Replications = Replications }).Output.Mean;

    /// <summary>The what-if: baseline and 2 scenarios × 200 replications with common random numbers, paired differences.</summary>
    /// <returns>The number of KPI differences that are significant.</returns>
    [Benchmark]
    public int WhatIf() => WhatIfRunner.Run(_plant, _scenarios, new WhatIfOptions { Replications = Replications })
        .Scenarios.Sum(s => s.Differences.Count(d => d.Significant));
}
