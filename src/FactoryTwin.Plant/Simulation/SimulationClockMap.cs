using FactoryTwin.Model.Plants;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The map between instants and simulation time of a plant: simulation time t lies at local week time
/// <see cref="PlantSimulation.StartWeekTime"/> + t in the site's time zone; the engine calendars repeat every week, so an
/// instant maps to the simulation time in [0, one week) with the same week time. Daylight-saving changes are not
/// modelled: a shift is as long as its calendar says. Also finds the shift around an instant. Immutable.
/// </summary>
internal sealed class SimulationClockMap
{
    private readonly PlantModel _plant;
    private readonly double _startWeekTime;

    public SimulationClockMap(PlantModel plant, double startWeekTime)
    {
        _plant = plant;
        _startWeekTime = startWeekTime;
        TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(plant.Site.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>Gets the site's time zone (UTC when the plant names one this machine does not know).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Returns the simulation time, in [0, one week), that has the same local week time as <paramref name="instant"/>.</summary>
    /// <param name="instant">An instant.</param>
    /// <returns>Simulation seconds.</returns>
    public double SimulationTimeOf(DateTimeOffset instant)
    {
        double t = (WeekTimeOf(instant) - _startWeekTime) % WeekCalendar.Week;
        return t < 0 ? t + WeekCalendar.Week : t;
    }

    /// <summary>
    /// Returns the instant of a simulation time when simulation time 0 lies in the week (Monday to Sunday, site time)
    /// that contains <paramref name="week"/>.
    /// </summary>
    /// <param name="simulationTime">Simulation seconds (may exceed a week).</param>
    /// <param name="week">Any day of the week of simulation time 0.</param>
    /// <returns>The instant, with the site's UTC offset at that local time.</returns>
    public DateTimeOffset InstantOf(double simulationTime, DateOnly week)
    {
        if (!double.IsFinite(simulationTime))
        {
            throw new ArgumentOutOfRangeException(nameof(simulationTime), simulationTime, "The simulation time must be finite.");
        }

        var monday = week.AddDays(-(((int)week.DayOfWeek + 6) % 7)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var local = monday.AddSeconds(_startWeekTime + simulationTime);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>
    /// Returns the shift around an instant: the shift of the plant's line calendars that is running at
    /// <paramref name="instant"/> (lines in file order), or, between shifts, the next one to start.
    /// </summary>
    /// <param name="instant">An instant.</param>
    /// <returns>The shift's start and end; the end is after <paramref name="instant"/>.</returns>
    /// <exception cref="InvalidOperationException">No line's calendar has a shift.</exception>
    public (DateTimeOffset Start, DateTimeOffset End) ShiftAround(DateTimeOffset instant)
    {
        double now = WeekTimeOf(instant);
        double bestStart = double.NaN, bestEnd = double.NaN;
        foreach (var id in _plant.Lines().Select(l => l.Calendar).Distinct())
        {
            var calendar = _plant.Calendars.FirstOrDefault(c => c.Id == id);
            if (calendar is null)
            {
                continue;
            }

            foreach (var shift in calendar.Shifts)
            {
                foreach (var day in shift.Days)
                {
                    // Start of this weekly shift relative to now, in (-week, 0] when it started at or before now.
                    double start = WeekCalendar.WeekTime(day, shift.Start) - now;
                    start -= Math.Ceiling(start / WeekCalendar.Week) * WeekCalendar.Week;
                    if (start + shift.Duration > 0)
                    {
                        // Running now: the first running shift wins.
                        if (double.IsNaN(bestStart) || bestStart > 0)
                        {
                            bestStart = start;
                            bestEnd = start + shift.Duration;
                        }

                        continue;
                    }

                    start += WeekCalendar.Week;
                    if (double.IsNaN(bestStart) || (bestStart > 0 && start < bestStart))
                    {
                        bestStart = start;
                        bestEnd = start + shift.Duration;
                    }
                }
            }

            if (!double.IsNaN(bestStart) && bestStart <= 0)
            {
                break;
            }
        }

        if (double.IsNaN(bestStart))
        {
            throw new InvalidOperationException("No line of the plant works to a calendar with shifts.");
        }

        // Shifts start and end on whole seconds of the site's clock (whole-minute offsets): round away the tick that the
        // week-time arithmetic in doubles can leave (an end of 13:59:59.9999999 read "shift ends 13:59:59").
        return (WholeSecond(instant.AddSeconds(bestStart)), WholeSecond(instant.AddSeconds(bestEnd)));
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset t) =>
        new((t.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, t.Offset);

    public double WeekTimeOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        return WeekCalendar.WeekTime(local.DayOfWeek, TimeOnly.MinValue) + local.TimeOfDay.TotalSeconds;
    }
}
