using System.Globalization;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Kernel;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>
/// Events per second on one core: one replication of the reference line, reusing the simulation
/// (steady state: no allocation per event), against a bare priority-queue "hold" loop with as many
/// operations as an 8-hour shift has timed events (the baseline, so that the Ratio column is the cost of
/// one engine event in hold operations and carries over between machines). Divide the mean time by the
/// event count printed in the global setup to get ns/event. The 80-hour run shows that allocation does
/// not grow with events. The Min column is the figure to compare on a shared machine: other processes only ever add time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class EventLoopBenchmarks
{
    /// <summary>Pending events in the hold baseline: about what the 10-station line keeps in its calendar.</summary>
    private const int HoldSize = 24;

    private LineSimulation _shift = null!;
    private LineSimulation _long = null!;
    private PriorityQueue<int, double> _queue = null!;
    private SeededRandom _random;
    private int _replication;
    private long _holdOperations;

    /// <summary>Builds the simulations and warms their arrays up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = SimulationBenchmarkLines.TenStationLine();
        _shift = new LineSimulation(model, SimulationBenchmarkLines.Shift(8));
        _long = new LineSimulation(model, SimulationBenchmarkLines.Shift(80));
        long shiftEvents = 0, longEvents = 0;
        for (int i = 0; i < 20; i++)
        {
            _shift.Reset(i);
            _shift.Run();
            shiftEvents += _shift.EventCount;
            _long.Reset(i);
            _long.Run();
            longEvents += _long.EventCount;
        }

        _holdOperations = shiftEvents / 20;
        _queue = new PriorityQueue<int, double>(HoldSize);
        _random = SeededRandom.Create(1, 0, 0);
        for (int i = 0; i < HoldSize; i++)
        {
            _queue.Enqueue(i, -60 * Math.Log(_random.NextOpenDouble()));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// timed events per op: 8 h = {shiftEvents / 20.0:F0}, 80 h = {longEvents / 20.0:F0}; hold operations per op = {_holdOperations}"));
    }

    /// <summary>
    /// The classic "hold" model of an event list (Jones 1986): pop the earliest of 24 pending events and
    /// schedule one an exponential time later, as many times as an 8-hour shift has timed events.
    /// </summary>
    /// <returns>The last popped time.</returns>
    [Benchmark(Baseline = true)]
    public double PriorityQueueHold()
    {
        var queue = _queue;
        double time = 0;
        for (long k = 0; k < _holdOperations; k++)
        {
            queue.TryDequeue(out int item, out time);
            queue.Enqueue(item, time - (60 * Math.Log(_random.NextOpenDouble())));
        }

        return time;
    }

    /// <summary>One 8-hour shift.</summary>
    /// <returns>The number of timed events.</returns>
    [Benchmark]
    public long EightHourShift()
    {
        _shift.Reset(_replication++ & 1023);
        _shift.Run();
        return _shift.EventCount;
    }

    /// <summary>Ten 8-hour shifts in one run.</summary>
    /// <returns>The number of timed events.</returns>
    [Benchmark]
    public long EightyHours()
    {
        _long.Reset(_replication++ & 1023);
        _long.Run();
        return _long.EventCount;
    }
}
