using FactoryTwin.Analytics.Forecasting;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Turns a <see cref="ShiftForecast"/> into what the forecast page draws.</summary>
public static class ForecastMapping
{
    /// <summary>Maps a forecast, adding each line's cumulative output so far.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="shiftStart">The start of the shift.</param>
    /// <param name="actual">The cumulative output so far per line id (missing lines get none).</param>
    /// <returns>The page's forecast.</returns>
    public static ForecastLive ToLive(ShiftForecast forecast, DateTimeOffset shiftStart, IReadOnlyDictionary<string, IReadOnlyList<OutputPoint>> actual)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(actual);
        var lines = new List<LineForecastLive>();
        foreach (var line in forecast.Lines)
        {
            var o = line.Output;
            var top = line.Bottlenecks.IsDefaultOrEmpty ? null : line.Bottlenecks.MaxBy(b => b.Frequency);
            var bottleneck = line.Bottleneck?.Value ?? top?.Station.Value;
            double? share = top is not null && top.Station.Value == bottleneck ? top.Frequency : null;
            lines.Add(new LineForecastLive(
                line.Line.Value,
                o.SoFar,
                o.Expected,
                o.Lower,
                o.Upper,
                o.Target,
                o.ProbabilityOfTarget,
                bottleneck,
                share,
                actual.GetValueOrDefault(line.Line.Value) ?? [],
                o.Fan.IsDefaultOrEmpty ? [] : [.. o.Fan.Select(f => new FanPoint(f.Time, f.Lower, f.Median, f.Upper))]));
        }

        return new ForecastLive(forecast.Instant, shiftStart, forecast.End, forecast.Replications, lines);
    }
}
