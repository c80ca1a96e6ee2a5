using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Plants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FactoryTwin.Benchmarks.Analytics;

/// <summary>
/// The what-if of <see cref="WhatIfBenchmarks"/> (the automotive plant, 2 sample scenarios × 200 replications of a
/// shift, common random numbers) the two ways the server has run it: inside the node, as <c>POST /api/v1/whatif</c>
/// did before it was spread (<see cref="WhatIfRunner.Run"/> on all cores: the baseline), and the way it runs now,
/// through <see cref="IClusterWhatIf"/> of a co-hosted silo — one silo here, so <c>Ratio</c> is what spreading costs
/// a single node: the plant and scenario files read from their text, the replications in chunks of
/// <c>Twin:WhatIfChunkSize</c> (10) on the worker grains, one core each. Both give the same result bit for bit.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class WhatIfClusterBenchmarks
{
    private const int Replications = 200;
    private static readonly string[] s_scenarioFiles = ["bigger-closures-buffer.yaml", "faster-respot.yaml"];

    private PlantModel _plant = null!;
    private WhatIfScenario[] _scenarios = [];
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
        _plantFile = new YamlDocument(plantPath, File.ReadAllText(plantPath));
        _scenarioFiles = [.. s_scenarioFiles.Select(f => RepositoryFiles.Find("samples", "whatif", f)).Select(p => new YamlDocument(p, File.ReadAllText(p)))];
        var loaded = PlantLoader.Parse(_plantFile.Text, plantPath);
        _plant = loaded.Model ?? throw new InvalidOperationException(string.Join("; ", loaded.Diagnostics));
        _scenarios = [.. _scenarioFiles.Select(f => WhatIfScenarioLoader.Parse(f.Text, _plant, f.File).Scenario ?? throw new InvalidOperationException($"{f.File} is invalid."))];
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

    /// <summary>Before: the what-if inside the node, on all its cores (the scenarios parsed by the endpoint, as before).</summary>
    /// <returns>The number of KPI differences that are significant.</returns>
    [Benchmark(Baseline = true)]
    public int InTheNode() => WhatIfRunner.Run(_plant, _scenarios, new WhatIfOptions { Replications = Replications })
        .Scenarios.Sum(s => s.Differences.Count(d => d.Significant));

    /// <summary>After: the what-if through the cluster's coordinator on one silo, in chunks on the worker grains.</summary>
    /// <returns>The number of KPI differences that are significant.</returns>
    [Benchmark]
    public int OneSilo() => _cluster.RunAsync(WhatIfReplicationJob.Create(_plantFile, _scenarioFiles, Replications, 1)).GetAwaiter().GetResult()
        .Scenarios.Sum(s => s.Differences.Count(d => d.Significant));
}
