using BenchmarkDotNet.Attributes;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>
/// Parallel scaling: 100 replications of an 8-hour shift on 1 core (baseline) and 2 cores, plus a control
/// that runs the same replications on two dedicated threads with one simulation each and nothing shared
/// (no runner, no thread pool). When TwoCores is not faster than OneCore but matches the control, the
/// limit is the machine (the second core busy with other work), not the runner.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
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

    /// <summary>The control: 100 replications on two dedicated threads (even and odd replication numbers).</summary>
    /// <returns>Mean throughput per hour.</returns>
    [Benchmark]
    public double TwoDedicatedThreads()
    {
        var sums = new double[2 * 8]; // one sum per thread, a cache line apart
        var threads = new Thread[2];
        for (int w = 0; w < 2; w++)
        {
            int worker = w;
            threads[w] = new Thread(() =>
            {
                var sim = new LineSimulation(_model, _options, worker);
                for (int i = worker; i < 100; i += 2)
                {
                    sim.Reset(i);
                    sim.Run();
                    sums[worker * 8] += sim.GetResult().ThroughputPerHour;
                }
            });
            threads[w].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return (sums[0] + sums[8]) / 100;
    }
}
