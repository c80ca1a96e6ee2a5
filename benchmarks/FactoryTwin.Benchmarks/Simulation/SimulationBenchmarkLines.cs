using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>The reference line of the simulation benchmarks.</summary>
internal static class SimulationBenchmarkLines
{
    /// <summary>
    /// 10 stations in series, lognormal processing (mean 60 s, cv 0.25), buffers of 5 between them,
    /// failures while working (exponential 3600 s between, exponential 300 s to repair), saturated source.
    /// </summary>
    public static LineModel TenStationLine()
    {
        var station = new StationOptions
        {
            ProcessingTime = Distribution.LogNormal(60, 0.25),
            Failures = new FailureModel(Distribution.Exponential(3600), Distribution.Exponential(300), FailureClock.Operating),
        };
        var b = new LineBuilder();
        var previous = b.AddSource("in");
        for (int i = 1; i <= 10; i++)
        {
            if (i > 1)
            {
                var buffer = b.AddBuffer($"B{i}", 5);
                b.Connect(previous, buffer);
                previous = buffer;
            }

            var s = b.AddStation($"S{i}", station);
            b.Connect(previous, s);
            previous = s;
        }

        b.Connect(previous, b.AddSink("out"));
        return b.Build();
    }

    /// <summary>Options for one shift of <paramref name="hours"/> hours.</summary>
    public static SimulationOptions Shift(double hours) => new() { Seed = 1, EndTime = hours * 3600 };
}
