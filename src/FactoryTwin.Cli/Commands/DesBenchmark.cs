using System.Diagnostics;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>bench des</c>: timed events per second of the engine on the standard 10-station line, next to a
/// baseline measured in the same run on the same thread, so that the ratio carries over between machines.
/// The baseline is the classic "hold" model of an event list (Jones 1986): a <see cref="PriorityQueue{TElement, TPriority}"/>
/// holding as many pending events as the line, where each operation pops the earliest event and schedules
/// one an exponential time later. It costs what the bare event calendar costs, without any model logic.
/// </summary>
internal static class DesBenchmark
{
    /// <summary>Pending events in the hold baseline: about what the 10-station line keeps in its calendar.</summary>
    private const int HoldSize = 24;

    /// <summary>The engine's reference line (<see cref="ReferenceLines.TenStationWithFailures"/>), as in the BenchmarkDotNet benchmarks.</summary>
    public static LineModel TenStationLine() => ReferenceLines.TenStationWithFailures();

    public static DesBenchmarkResult Run(double hours, int replications, int rounds, CancellationToken cancellationToken)
    {
        var sim = new LineSimulation(TenStationLine(), new SimulationOptions { Seed = 1, EndTime = hours * 3600 });

        // Warm up: grow the arrays to their steady-state size and let tiered compilation reach its optimized
        // code for both loops (a few hundred milliseconds of each), so that neither measures tier-0 code.
        long warmStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 0.5)
        {
            var warm = TimeEngine(sim, Math.Min(replications, 20));
            TimeHold(warm.Events);
        }

        var engine = new List<(long Events, double Seconds, long Bytes)>();
        var baseline = new List<(long Operations, double Seconds)>();
        for (int round = 0; round < rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = TimeEngine(sim, replications);
            engine.Add(run);
            baseline.Add(TimeHold(run.Events));
        }

        // Median of the rounds for each; the pairs are interleaved so both see the same machine load.
        var e = engine.OrderBy(r => r.Seconds).ElementAt(rounds / 2);
        var h = baseline.OrderBy(r => r.Seconds).ElementAt(rounds / 2);
        return new DesBenchmarkResult(hours, replications, rounds, e.Events, e.Seconds, (double)e.Bytes / e.Events, h.Operations, h.Seconds);
    }

    private static (long Events, double Seconds, long Bytes) TimeEngine(LineSimulation sim, int replications)
    {
        long events = 0;
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < replications; i++)
        {
            sim.Reset(i);
            sim.Run();
            events += sim.EventCount;
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (events, seconds, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private static (long Operations, double Seconds) TimeHold(long operations)
    {
        var queue = new PriorityQueue<int, double>(HoldSize);
        var random = SeededRandom.Create(1, 0, 0);
        for (int i = 0; i < HoldSize; i++)
        {
            queue.Enqueue(i, -60 * Math.Log(random.NextOpenDouble()));
        }

        long start = Stopwatch.GetTimestamp();
        for (long k = 0; k < operations; k++)
        {
            queue.TryDequeue(out int item, out double time);
            queue.Enqueue(item, time - (60 * Math.Log(random.NextOpenDouble())));
        }

        return (operations, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
