using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Modeling;

public sealed class ShiftCalendarTests
{
    private static readonly ShiftCalendar s_daily = ShiftCalendar.Periodic(86400, [new TimeInterval(0, 21600), new TimeInterval(43200, 45000)]);

    [Theory]
    [InlineData(0, true)]
    [InlineData(21599, true)]
    [InlineData(21600, false)]
    [InlineData(44000, true)]
    [InlineData(86400 + 100, true)]
    [InlineData(86400 + 30000, false)]
    public void IsOffShift_PeriodicPattern_RepeatsEveryPeriod(double time, bool expected) =>
        Assert.Equal(expected, s_daily.IsOffShift(time));

    [Theory]
    [InlineData(0, 21600)]
    [InlineData(21600, 43200)]
    [InlineData(44000, 45000)]
    [InlineData(50000, 86400)]
    public void NextChange_PeriodicPattern_NextBoundary(double time, double expected) =>
        Assert.Equal(expected, s_daily.NextChange(time));

    [Fact]
    public void FromIntervals_OverlappingIntervals_AreMerged()
    {
        var cal = ShiftCalendar.FromIntervals([new TimeInterval(10, 20), new TimeInterval(15, 30)]);
        Assert.Single(cal.OffShift);
        Assert.Equal(30, cal.NextChange(12));
        Assert.Equal(double.PositiveInfinity, cal.NextChange(30));
    }
}
