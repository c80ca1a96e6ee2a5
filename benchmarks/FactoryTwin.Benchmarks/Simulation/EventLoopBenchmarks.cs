using System.Globalization;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>
/// Events per second on one core: one replication of the reference line, reusing the simulation
/// (steady state: no allocation per event). Divide the mean time by the event count printed in the
/// global setup to get ns/event. The 80-hour run shows that allocation does not grow with events.
/// </summary>
[MemoryDiagnoser]
public class EventLoopBenchmarks
{
    private LineSimulation _shift = null!;
    private LineSimulation _long = null!;
    private int _replication;

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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// timed events per op: 8 h = {shiftEvents / 20.0:F0}, 80 h = {longEvents / 20.0:F0}"));
    }

    /// <summary>One 8-hour shift.</summary>
    /// <returns>The number of timed events.</returns>
    [Benchmark(Baseline = true)]
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
