using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Plants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FactoryTwin.Benchmarks.Analytics;

/// <summary>
/// A what-if of the automotive plant: 2 scenarios (samples/whatif: a bigger closures buffer, a faster respot) × 200
/// replications of a shift (1 h warm-up + 8 h), with common random numbers and the paired differences — what
/// <c>factorytwin whatif samples/plants/automotive.yaml samples/whatif/*.yaml -n 200</c> computes, without loading and
/// printing. The baseline is one <c>simulate</c> of the plant with the same 200 replications, so <c>Ratio</c> is the
/// what-if's cost in plant runs (three runs, one per plant, plus the comparison). All on all cores.
/// <c>WhatIfOneSilo</c> is the same what-if the way <c>POST /api/v1/whatif</c> runs it since it spreads over the
/// cluster: through <c>IClusterWhatIf</c> of a co-hosted silo (one silo here), the plant and scenario files read from
/// their text, the replications in chunks of <c>Twin:WhatIfChunkSize</c> (10) on the worker grains; its result is
/// bit-identical to <c>WhatIf</c>'s.
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
    private IHost _silo = null!;
    private IClusterWhatIf _cluster = null!;
    private YamlDocument _plantFile = null!;
    private ImmutableArray<YamlDocument> _scenarioFiles;
    private string _folder = null!;

    /// <summary>Loads the plant and the two sample scenarios, and starts a silo with the twin.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var plantPath = RepositoryFiles.Find("samples", "plants", "automotive.yaml");
        var loaded = PlantLoader.LoadFile(plantPath);
        _plant = loaded.Model ?? throw new InvalidOperationException(string.Join("; ", loaded.Diagnostics));
        _scenarios =
        [
            .. s_scenarioFiles.Select(f =>
                WhatIfScenarioLoader.LoadFile(RepositoryFiles.Find("samples", "whatif", f), _plant).Scenario ?? throw new InvalidOperationException($"samples/whatif/{f} is invalid.")),
        ];
        _simulation = PlantSimulationBuilder.Build(_plant);
        _plantFile = new YamlDocument(plantPath, File.ReadAllText(plantPath));
        _scenarioFiles = [.. s_scenarioFiles.Select(f => RepositoryFiles.Find("samples", "whatif", f)).Select(p => new YamlDocument(p, File.ReadAllText(p)))];
        _folder = Path.Combine(Path.GetTempPath(), "ft-whatif-bench-" + Guid.NewGuid().ToString("N"));
        _silo = TwinBenchmarkHost.Start(_plant, _folder);
        _cluster = _silo.Services.GetRequiredService<IClusterWhatIf>();
    }

    /// <summary>Stops the silo.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _silo.StopAsync().GetAwaiter().GetResult();
        _silo.Dispose();
        Directory.Delete(_folder, recursive: true);
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

    /// <summary>The same what-if through the cluster's coordinator on one silo: chunks of 10 replications on the worker grains.</summary>
    /// <returns>The number of KPI differences that are significant.</returns>
    [Benchmark]
    public int WhatIfOneSilo() => _cluster.RunAsync(WhatIfReplicationJob.Create(_plantFile, _scenarioFiles, Replications, 1)).GetAwaiter().GetResult()
        .Scenarios.Sum(s => s.Differences.Count(d => d.Significant));
}
