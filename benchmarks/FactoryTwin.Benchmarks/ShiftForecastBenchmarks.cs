using BenchmarkDotNet.Attributes;
using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Benchmarks;

/// <summary>
/// The shift forecast of the automotive sample from mid-shift (Monday 18:00, a snapshot of one simulated day, to the
/// shift end at 22:00): 1000 replications with a 15-minute fan chart and bottleneck tracking, on 1 core (baseline)
/// and 2 cores. Goal: at most 2 s on 2 cores.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class ShiftForecastBenchmarks
{
    private ShiftForecaster _forecaster = null!;
    private PlantSnapshot _snapshot = null!;

    /// <summary>Loads the plant and takes the mid-shift snapshot.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml");
        if (!File.Exists(path))
        {
            path = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "samples", "plants", "automotive.yaml"));
        }

        var plant = PlantSimulationBuilder.Build(PlantLoader.LoadFile(path).Model ?? throw new InvalidOperationException($"{path} did not load."));
        var run = new LineSimulation(plant.Model, new SimulationOptions { Seed = 5, EndTime = 16 * 3600 });
        run.RunUntil(8 * 3600); // 14:00, the start of the late shift
        var atShiftStart = run.GetResult();
        run.RunUntil(12 * 3600); // 18:00
        _snapshot = plant.CaptureSnapshot(run, plant.InstantOf(12 * 3600, new DateOnly(2026, 6, 1)), atShiftStart);
        _forecaster = new ShiftForecaster(plant);
    }

    /// <summary>1000 replications on one thread.</summary>
    /// <returns>The expected plant output.</returns>
    [Benchmark(Baseline = true)]
    public double OneCore() => _forecaster.Forecast(_snapshot, new ShiftForecastOptions { MaxDegreeOfParallelism = 1 }).Plant.Expected;

    /// <summary>1000 replications on two threads.</summary>
    /// <returns>The expected plant output.</returns>
    [Benchmark]
    public double TwoCores() => _forecaster.Forecast(_snapshot, new ShiftForecastOptions { MaxDegreeOfParallelism = 2 }).Plant.Expected;

    /// <summary>
    /// 1000 replications on two threads as a cluster runs them: ten chunks of 100 (<see cref="ShiftForecaster.RunReplications"/>,
    /// one after the other here, as one silo would take them), joined in replication order and summarized. The result is
    /// bit-identical to <see cref="TwoCores"/>; the difference is the cost of chunking (per-chunk set-up, join, summary).
    /// </summary>
    /// <returns>The expected plant output.</returns>
    [Benchmark]
    public double TwoCoresInChunksOf100()
    {
        var options = new ShiftForecastOptions { MaxDegreeOfParallelism = 2 };
        var chunks = ReplicationRows.Chunks(options.Replications, 100)
            .Select(c => _forecaster.RunReplications(_snapshot, options, c.First, c.Count))
            .ToList();
        return _forecaster.Summarize(_snapshot, options, ReplicationRows.Concat(chunks), TimeSpan.Zero).Plant.Expected;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactoryTwin.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (FactoryTwin.slnx) was not found above the benchmark.");
    }
}
