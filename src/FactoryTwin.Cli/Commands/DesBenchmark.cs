using System.Diagnostics;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>bench des</c>: timed events per second of the engine on the standard 10-station line, next to two
/// baselines measured in the same run on the same thread, so that the ratios carry over between machines.
/// The first is the classic "hold" model of an event list (Jones 1986): a <see cref="PriorityQueue{TElement, TPriority}"/>
/// holding as many pending events as the line, where each operation pops the earliest event and schedules
/// one an exponential time later. It costs what the bare event calendar costs, without any model logic. The second is
/// the same line simulated by hand (<see cref="HandWrittenSerialLine"/>: same draws, one heap, parts out only): the
/// engine's time with all its statistics over that line's time.
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
        var line = HandWrittenSerialLine.TenStationWithFailures();

        // Warm up: grow the arrays to their steady-state size and let tiered compilation reach its optimized
        // code for both loops (a few hundred milliseconds of each), so that neither measures tier-0 code.
        long warmStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 0.5)
        {
            var warm = TimeEngine(sim, Math.Min(replications, 20));
            TimeHold(warm.Events);
            TimeLine(line, hours, Math.Min(replications, 20));
        }

        var engine = new List<(long Events, double Seconds, long Bytes)>();
        var baseline = new List<(long Operations, double Seconds)>();
        var handWritten = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = TimeEngine(sim, replications);
            engine.Add(run);
            baseline.Add(TimeHold(run.Events));
            handWritten.Add(TimeLine(line, hours, replications));
        }

        // Median of the rounds for each; the measurements are interleaved so all see the same machine load.
        var e = engine.OrderBy(r => r.Seconds).ElementAt(rounds / 2);
        var h = baseline.OrderBy(r => r.Seconds).ElementAt(rounds / 2);
        var l = handWritten.Order().ElementAt(rounds / 2);
        return new DesBenchmarkResult(hours, replications, rounds, e.Events, e.Seconds, (double)e.Bytes / e.Events, h.Operations, h.Seconds, l);
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

    private static double TimeLine(HandWrittenSerialLine line, double hours, int replications)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < replications; i++)
        {
            line.Run(1, i, hours * 3600);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
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
