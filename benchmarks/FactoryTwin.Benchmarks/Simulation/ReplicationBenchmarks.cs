using BenchmarkDotNet.Attributes;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>Parallel scaling: 100 replications of an 8-hour shift on 1 core (baseline) and 2 cores.</summary>
[MemoryDiagnoser]
public class ReplicationBenchmarks
{
    private LineModel _model = null!;
    private SimulationOptions _options = null!;

    /// <summary>Builds the model.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = SimulationBenchmarkLines.TenStationLine();
        _options = SimulationBenchmarkLines.Shift(8);
    }

    /// <summary>100 replications on one thread.</summary>
    /// <returns>Mean throughput per hour.</returns>
    [Benchmark(Baseline = true)]
    public double OneCore() => ReplicationRunner.Run(_model, _options, 100, maxDegreeOfParallelism: 1).ThroughputPerHour.Mean;

    /// <summary>100 replications on two threads.</summary>
    /// <returns>Mean throughput per hour.</returns>
    [Benchmark]
    public double TwoCores() => ReplicationRunner.Run(_model, _options, 100, maxDegreeOfParallelism: 2).ThroughputPerHour.Mean;
}
