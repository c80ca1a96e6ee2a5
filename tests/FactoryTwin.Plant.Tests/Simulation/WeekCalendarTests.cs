using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Modeling;
using ModelCalendar = FactoryTwin.Model.Plants.ShiftCalendar;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class WeekCalendarTests
{
    private const double H = 3600;
    private const double Day = 24 * H;

    [Fact]
    public void OffShift_DayShiftWithBreak_OffOutsideShiftAndDuringBreak()
    {
        var calendar = Calendar([Shift("06:00", "14:00", [DayOfWeek.Monday], ("10:00", 0.5 * H))]);

        var off = WeekCalendar.OffShift(calendar, origin: 0);

        Assert.Equal(
            [new TimeInterval(0, 6 * H), new TimeInterval(10 * H, 10.5 * H), new TimeInterval(14 * H, WeekCalendar.Week)],
            off);
    }

    [Fact]
    public void OffShift_NightShiftCrossingMidnight_BreakAfterMidnightLiesOnNextDay()
    {
        var calendar = Calendar([Shift("22:00", "06:00", [DayOfWeek.Monday], ("02:00", 0.5 * H))]);

        var off = WeekCalendar.OffShift(calendar, origin: 0);

        Assert.Equal(
            [new TimeInterval(0, 22 * H), new TimeInterval(Day + (2 * H), Day + (2.5 * H)), new TimeInterval(Day + (6 * H), WeekCalendar.Week)],
            off);
    }

    [Fact]
    public void OffShift_SundayNightShift_WrapsIntoMonday()
    {
        var calendar = Calendar([Shift("22:00", "06:00", [DayOfWeek.Sunday])]);

        var off = WeekCalendar.OffShift(calendar, origin: 0);

        Assert.Equal([new TimeInterval(6 * H, (6 * Day) + (22 * H))], off);
    }

    [Fact]
    public void OffShift_PlannedDowntimeAndOrigin_ShiftsIntervalsAndSplitsAtWeekEnd()
    {
        var calendar = Calendar(
            [Shift("00:00", "00:00", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday])],
            new PlannedDowntime("cleaning", DayOfWeek.Monday, new TimeOnly(5, 0), 2 * H));

        var off = WeekCalendar.OffShift(calendar, origin: 6 * H);

        // Monday 05:00–07:00 seen from Monday 06:00: [-1 h, +1 h) → the last hour of the week and the first.
        Assert.Equal([new TimeInterval(0, H), new TimeInterval(WeekCalendar.Week - H, WeekCalendar.Week)], off);
    }

    [Fact]
    public void FirstShiftStart_WeekStartsMonday_SundayShiftComesLast()
    {
        var calendar = Calendar([Shift("22:00", "06:00", [DayOfWeek.Sunday]), Shift("14:00", "22:00", [DayOfWeek.Tuesday])]);

        Assert.Equal(Day + (14 * H), WeekCalendar.FirstShiftStart([calendar]));
    }

    private static ModelCalendar Calendar(Shift[] shifts, params PlannedDowntime[] downtime) =>
        new(new CalendarId("c"), "c", new ValueList<Shift>(shifts), new ValueList<PlannedDowntime>(downtime));

    private static Shift Shift(string start, string end, DayOfWeek[] days, params (string Start, double Duration)[] breaks) =>
        new(
            new ShiftId("s"),
            "s",
            TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            new ValueList<DayOfWeek>(days),
            new ValueList<ShiftBreak>(breaks.Select(b => new ShiftBreak("break", TimeOnly.Parse(b.Start, System.Globalization.CultureInfo.InvariantCulture), b.Duration))));
}
