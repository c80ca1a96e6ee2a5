using BenchmarkDotNet.Attributes;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>
/// The discrete-event engine against a hand-written single-purpose simulation of the same line: 200 replications of
/// 30 days of the reference ten-station line (lognormal 60 s, cv 0.25; failures exponential 1 h operating time / 5 min;
/// buffers of 5), on one thread each. The engine runs it as <c>factorytwin simulate benchmarks/plants/ten-stations.yaml
/// --duration 30d --replications 200</c> does (plant file, <see cref="PlantSimulation.Run"/> with every statistic it
/// reports); the baseline (<see cref="HandWrittenSerialLine"/>) counts parts out and nothing else. <c>Ratio</c> is the
/// engine's time in baseline times. The setup checks that both give the same throughput.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class EngineVersusHandWrittenBenchmarks
{
    private const int Replications = 200;
    private const double Days = 30;
    private const double End = Days * 86_400;

    private PlantSimulation _simulation = null!;
    private HandWrittenSerialLine _line = null!;

    /// <summary>Loads the plant file and builds both simulations; checks that their throughputs agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var loaded = PlantLoader.LoadFile(RepositoryFiles.Find("benchmarks", "plants", "ten-stations.yaml"));
        _simulation = PlantSimulationBuilder.Build(loaded.Model ?? throw new InvalidOperationException(string.Join("; ", loaded.Diagnostics)));
        _line = HandWrittenSerialLine.TenStationWithFailures();

        // The same line: 20 replications of each agree on the throughput within 1 %.
        double engine = _simulation.Run(Options(20)).ThroughputPerHour.Mean;
        double hand = Enumerable.Range(0, 20).Average(r => _line.Run(1, r, End)) / (Days * 24);
        if (Math.Abs(engine - hand) > 0.01 * hand)
        {
            throw new InvalidOperationException($"The two simulations are not of the same line: {engine:F2} against {hand:F2} parts per hour.");
        }
    }

    /// <summary>The hand-written heap simulation, 200 replications on one thread.</summary>
    /// <returns>Parts out per hour, averaged.</returns>
    [Benchmark(Baseline = true)]
    public double HandWritten()
    {
        long total = 0;
        for (int r = 0; r < Replications; r++)
        {
            total += _line.Run(1, r, End);
        }

        return total / (Replications * Days * 24);
    }

    /// <summary>The engine through the plant simulation, 200 replications on one thread, with its statistics.</summary>
    /// <returns>Parts out per hour, averaged.</returns>
    [Benchmark]
    public double Engine() => _simulation.Run(Options(Replications)).ThroughputPerHour.Mean;

    /// <summary>
    /// The engine alone, for locating the cost: the same 200 replications of the same line through
    /// <see cref="ReplicationRunner"/> on one thread, without the active-period bottleneck tracking and without the
    /// plant layer's summary.
    /// </summary>
    /// <returns>Parts out per hour, averaged.</returns>
    [Benchmark]
    public double RawEngine()
    {
        var options = new SimulationOptions { Seed = 1, EndTime = End, TrackBottlenecks = false };
        return ReplicationRunner.Run(_simulation.Model, options, Replications, 1).Results.Average(r => r.ThroughputPerHour);
    }

    private static PlantRunOptions Options(int replications) => new() { Seed = 1, Duration = End, Replications = replications, MaxDegreeOfParallelism = 1 };
}
