using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>
/// Turns a station's state intervals and part events into duration samples. Observations that began before the range
/// are left out (their start is unknown: left truncation); observations still running at the end of the range are
/// right-censored at what was seen.
/// </summary>
internal static class HistorySamples
{
    /// <summary>Repair times: the lengths of the <c>down</c> intervals.</summary>
    public static List<Observation> RepairTimes(IReadOnlyList<StateSpan> states, DateTimeOffset since, DateTimeOffset until)
    {
        var result = new List<Observation>();
        foreach (var s in states)
        {
            if (s.State == StationState.Down && s.Start > since && s.Seconds > 0)
            {
                result.Add(new Observation(s.Seconds, Censored: s.End >= until));
            }
        }

        return result;
    }

    /// <summary>
    /// Times between failures: from the end of one <c>down</c> interval to the start of the next, counting only
    /// <c>working</c> time on the operating basis (processing; setups, idle, blocked and off-shift time do not count) and
    /// all time on the calendar basis. The time after the last repair is censored at the end of the range.
    /// </summary>
    public static List<Observation> TimesBetweenFailures(IReadOnlyList<StateSpan> states, FailureBasis basis, DateTimeOffset until)
    {
        var result = new List<Observation>();
        bool counting = false;
        double clock = 0;
        foreach (var s in states)
        {
            if (s.State == StationState.Down)
            {
                if (counting && clock > 0)
                {
                    result.Add(new Observation(clock));
                }

                counting = true; // a repair ended or will end: the next time between failures starts there
                clock = 0;
                continue;
            }

            if (counting && (basis == FailureBasis.Calendar || s.State == StationState.Working))
            {
                clock += s.Seconds;
            }
        }

        bool lastIsDown = states.Count > 0 && states[^1].State == StationState.Down;
        if (counting && !lastIsDown && clock > 0 && states[^1].End >= until)
        {
            result.Add(new Observation(clock, Censored: true));
        }

        return result;
    }

    /// <summary>
    /// Processing times of a single-server station: for each part, the <c>working</c> time between its entry and its
    /// exit (so failures, blocking and shift breaks in between do not count), by variant. A part still in the station at
    /// the end of the range is censored at the working time seen; a part that entered before the range is left out.
    /// </summary>
    public static Dictionary<VariantId, List<Observation>> ProcessingTimes(IReadOnlyList<StateSpan> states, IReadOnlyList<PartEvent> parts, DateTimeOffset until)
    {
        var result = new Dictionary<VariantId, List<Observation>>();
        var entered = new Dictionary<string, (DateTimeOffset At, VariantId Variant)>(StringComparer.Ordinal);
        int cursor = 0;
        foreach (var p in parts)
        {
            if (p.Kind == PartEventKind.Enter)
            {
                entered[p.PartId] = (p.Timestamp, p.Variant);
            }
            else if (entered.Remove(p.PartId, out var e))
            {
                Add(result, e.Variant, WorkingSeconds(states, e.At, p.Timestamp, ref cursor), censored: false);
            }
        }

        foreach (var (_, e) in entered.OrderBy(kv => kv.Value.At))
        {
            int from = 0;
            Add(result, e.Variant, WorkingSeconds(states, e.At, until, ref from), censored: true);
        }

        return result;
    }

    private static void Add(Dictionary<VariantId, List<Observation>> result, VariantId variant, double seconds, bool censored)
    {
        if (seconds > 0)
        {
            if (!result.TryGetValue(variant, out var list))
            {
                result[variant] = list = [];
            }

            list.Add(new Observation(seconds, censored));
        }
    }

    /// <summary>Working time in [from, to); <paramref name="cursor"/> is the first span that may overlap (parts come in time order).</summary>
    private static double WorkingSeconds(IReadOnlyList<StateSpan> states, DateTimeOffset from, DateTimeOffset to, ref int cursor)
    {
        while (cursor < states.Count && states[cursor].End <= from)
        {
            cursor++;
        }

        double seconds = 0;
        for (int i = cursor; i < states.Count && states[i].Start < to; i++)
        {
            if (states[i].State == StationState.Working)
            {
                var a = states[i].Start > from ? states[i].Start : from;
                var b = states[i].End < to ? states[i].End : to;
                if (b > a)
                {
                    seconds += (b - a).TotalSeconds;
                }
            }
        }

        return seconds;
    }
}
