using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.Tests.TestSupport;

/// <summary>
/// Realistic plant telemetry, sampled at 1 Hz on gateway ticks: 80 % temperatures (slow drift with ±0.1 K noise at
/// 0.01 K resolution), 10 % good-part counters, 10 % station states that change every few minutes. Seeded.
/// </summary>
internal static class RealisticSeries
{
    public static SeriesPoint[] Generate(int seriesCount, int seconds, int seed = 42)
    {
        var random = new Random(seed);
        var ids = new SeriesId[seriesCount];
        var state = new double[seriesCount];
        var phase = new double[seriesCount];
        for (var s = 0; s < seriesCount; s++)
        {
            ids[s] = Points.Series("asset-" + (s / 10).ToString(System.Globalization.CultureInfo.InvariantCulture), "ch-" + (s % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
            phase[s] = random.NextDouble() * 2 * Math.PI;
        }

        var result = new SeriesPoint[seriesCount * seconds];
        var i = 0;
        for (var t = 0; t < seconds; t++)
        {
            var ts = Points.T0.AddSeconds(t);
            for (var s = 0; s < seriesCount; s++)
            {
                double value;
                switch (s % 10)
                {
                    case 8:
                        state[s] += random.NextDouble() < 1 / 60.0 ? 1 : 0;
                        value = state[s];
                        break;
                    case 9:
                        state[s] = random.NextDouble() < 1 / 300.0 ? random.Next(6) : state[s];
                        value = state[s];
                        break;
                    default:
                        var kelvin = 300 + ((s % 8) * 15) + (5 * Math.Sin((2 * Math.PI * t / 3600.0) + phase[s]));
                        value = Math.Round(kelvin + ((random.NextDouble() - 0.5) * 0.2), 2);
                        break;
                }

                result[i++] = new SeriesPoint(ids[s], ts, value, t);
            }
        }

        return result;
    }
}
