namespace FactoryTwin.Historian.Storage;

/// <summary>Turns an ordered state series into intervals of constant state clipped to a range.</summary>
internal static class StateIntervalBuilder
{
    /// <summary>Builds the intervals.</summary>
    /// <param name="points">(micros, value) in time order; the first may lie before <paramref name="start"/> (the state in force).</param>
    /// <param name="start">The range start, in micros.</param>
    /// <param name="end">The range end, in micros.</param>
    public static List<StateInterval> Build(List<(long Ts, double Value)> points, long start, long end)
    {
        var result = new List<StateInterval>();
        if (points.Count == 0 || start == end)
        {
            return result;
        }

        var openTs = Math.Max(points[0].Ts, start);
        var openValue = points[0].Value;
        for (var i = 1; i < points.Count; i++)
        {
            var (ts, value) = points[i];

            // Equal codes merge; compare bits so NaN (no state) also merges with itself.
            if (BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(openValue))
            {
                continue;
            }

            if (ts > openTs)
            {
                result.Add(new StateInterval(TimeCodec.FromMicros(openTs), TimeCodec.FromMicros(ts), openValue));
            }

            openTs = Math.Max(ts, start);
            openValue = value;
        }

        if (end > openTs)
        {
            result.Add(new StateInterval(TimeCodec.FromMicros(openTs), TimeCodec.FromMicros(end), openValue));
        }

        return result;
    }
}
