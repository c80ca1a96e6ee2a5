using System.Globalization;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>Standard lines for benchmarks and speed checks, so that every figure of the engine is measured on the same model.</summary>
public static class ReferenceLines
{
    /// <summary>
    /// 10 stations in series, lognormal processing (mean 60 s, cv 0.25), buffers of 5 between them, failures while
    /// working (exponential 3600 s between, exponential 300 s to repair), saturated source.
    /// </summary>
    /// <returns>The line.</returns>
    public static LineModel TenStationWithFailures()
    {
        var station = new StationOptions
        {
            ProcessingTime = Distribution.LogNormal(60, 0.25),
            Failures = new FailureModel(Distribution.Exponential(3600), Distribution.Exponential(300), FailureClock.Operating),
        };
        var b = new LineBuilder();
        var previous = b.AddSource("in");
        for (var i = 1; i <= 10; i++)
        {
            if (i > 1)
            {
                var buffer = b.AddBuffer(string.Create(CultureInfo.InvariantCulture, $"B{i}"), 5);
                b.Connect(previous, buffer);
                previous = buffer;
            }

            var s = b.AddStation(string.Create(CultureInfo.InvariantCulture, $"S{i}"), station);
            b.Connect(previous, s);
            previous = s;
        }

        b.Connect(previous, b.AddSink("out"));
        return b.Build();
    }
}
