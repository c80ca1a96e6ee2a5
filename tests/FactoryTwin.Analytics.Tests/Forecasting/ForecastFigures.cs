using FactoryTwin.Analytics.Forecasting;

namespace FactoryTwin.Analytics.Tests.Forecasting;

/// <summary>Every number of a forecast, as raw bits, for bit-for-bit comparison.</summary>
internal static class ForecastFigures
{
    public static List<long> Of(ShiftForecast forecast)
    {
        var bits = new List<long> { forecast.Replications, (long)forecast.Seed, Bits(forecast.Coverage), forecast.Instant.UtcTicks, forecast.End.UtcTicks };
        Add(bits, forecast.Plant);
        foreach (var line in forecast.Lines)
        {
            Add(bits, line.Output);
            foreach (var b in line.Bottlenecks)
            {
                bits.AddRange([Bits(b.Frequency), Bits(b.MeanShare), b.Station.Value.GetHashCode(StringComparison.Ordinal)]);
            }
        }

        foreach (var b in forecast.Bottlenecks)
        {
            bits.AddRange([Bits(b.Frequency), Bits(b.MeanShare), b.Station.Value.GetHashCode(StringComparison.Ordinal)]);
        }

        return bits;
    }

    private static void Add(List<long> bits, OutputForecast o)
    {
        bits.AddRange([o.SoFar, Bits(o.Expected), Bits(o.Median), Bits(o.Lower), Bits(o.Upper), o.Target ?? -1, Bits(o.ProbabilityOfTarget ?? double.NaN)]);
        foreach (var p in o.Fan)
        {
            bits.AddRange([p.Time.UtcTicks, Bits(p.Lower), Bits(p.Median), Bits(p.Upper)]);
        }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
