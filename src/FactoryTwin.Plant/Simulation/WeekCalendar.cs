using FactoryTwin.Simulation.Modeling;
using ModelCalendar = FactoryTwin.Model.Plants.ShiftCalendar;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Converts a weekly plant calendar (shifts with breaks on weekdays, planned downtime) into the off-shift
/// intervals of a periodic engine calendar. Week time runs from Monday 00:00 (0) to the next Monday
/// (<see cref="Week"/>); simulation time 0 lies at week time <c>origin</c>.
/// </summary>
internal static class WeekCalendar
{
    /// <summary>Seconds in a week: the period of every plant calendar.</summary>
    public const double Week = 7 * Day;

    private const double Day = 86_400;

    /// <summary>Week time (seconds after Monday 00:00) of a weekday and time of day.</summary>
    public static double WeekTime(DayOfWeek day, TimeOnly time) => (DayIndex(day) * Day) + time.ToTimeSpan().TotalSeconds;

    /// <summary>The earliest shift start of the week (Monday first) over the calendars, or 0 when none has shifts.</summary>
    public static double FirstShiftStart(IEnumerable<ModelCalendar> calendars)
    {
        double best = double.PositiveInfinity;
        foreach (var calendar in calendars)
        {
            foreach (var shift in calendar.Shifts)
            {
                foreach (var day in shift.Days)
                {
                    best = Math.Min(best, WeekTime(day, shift.Start));
                }
            }
        }

        return double.IsFinite(best) ? best : 0;
    }

    /// <summary>
    /// The off-shift intervals of <paramref name="calendar"/> in simulation seconds within one week, with
    /// simulation time 0 at week time <paramref name="origin"/>: time outside every shift, breaks and planned
    /// downtime. Sorted and merged; an interval that wraps past the end of the week is split in two.
    /// </summary>
    public static List<TimeInterval> OffShift(ModelCalendar calendar, double origin)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var on = new List<TimeInterval>();
        var off = new List<TimeInterval>();
        foreach (var shift in calendar.Shifts)
        {
            double start = shift.Start.ToTimeSpan().TotalSeconds;
            foreach (var day in shift.Days)
            {
                double shiftStart = (DayIndex(day) * Day) + start;
                AddWrapped(on, shiftStart, shift.Duration);
                foreach (var pause in shift.Breaks)
                {
                    // A break belongs to its shift: in a shift that crosses midnight, a break before the start
                    // time of day lies on the next day.
                    double offset = pause.Start.ToTimeSpan().TotalSeconds - start;
                    if (offset < 0)
                    {
                        offset += Day;
                    }

                    AddWrapped(off, shiftStart + offset, pause.Duration);
                }
            }
        }

        foreach (var stop in calendar.PlannedDowntime)
        {
            AddWrapped(off, WeekTime(stop.Day, stop.Start), stop.Duration);
        }

        // Off shift = the complement of the shifts, plus breaks and planned downtime.
        double cursor = 0;
        foreach (var interval in Merge(on))
        {
            if (interval.Start > cursor)
            {
                off.Add(new TimeInterval(cursor, interval.Start));
            }

            cursor = Math.Max(cursor, interval.End);
        }

        if (cursor < Week)
        {
            off.Add(new TimeInterval(cursor, Week));
        }

        var shifted = new List<TimeInterval>();
        foreach (var interval in Merge(off))
        {
            AddWrapped(shifted, interval.Start - origin, interval.End - interval.Start);
        }

        return Merge(shifted);
    }

    /// <summary>Seconds on shift (not off shift) in [from, to) of simulation time for a periodic engine calendar.</summary>
    public static double OnShiftSeconds(ShiftCalendar? calendar, double from, double to)
    {
        if (!(to > from))
        {
            return 0;
        }

        if (calendar is null)
        {
            return to - from;
        }

        double total = 0, t = from;
        while (t < to)
        {
            double next = Math.Min(calendar.NextChange(t), to);
            if (!calendar.IsOffShift(t))
            {
                total += next - t;
            }

            t = next;
        }

        return total;
    }

    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    private static void AddWrapped(List<TimeInterval> list, double start, double length)
    {
        if (!(length > 0))
        {
            return;
        }

        length = Math.Min(length, Week);
        start %= Week;
        if (start < 0)
        {
            start += Week;
        }

        double end = start + length;
        if (end <= Week)
        {
            list.Add(new TimeInterval(start, end));
        }
        else
        {
            list.Add(new TimeInterval(start, Week));
            list.Add(new TimeInterval(0, end - Week));
        }
    }

    private static List<TimeInterval> Merge(List<TimeInterval> intervals)
    {
        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TimeInterval>();
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, interval.End) };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
