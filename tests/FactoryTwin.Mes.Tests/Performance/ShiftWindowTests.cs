using FactoryTwin.Mes.Performance;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Mes.Tests.Performance;

public sealed class ShiftWindowTests
{
    // Monday 7 December 2026, 10:00 in Berlin (UTC+1): the early shift (06:00–14:00) runs.
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryResolve_Current_IsTheRunningShiftUpToNow()
    {
        Assert.True(ShiftWindow.TryResolve(TestPlants.Automotive, null, s_now, out var window, out _));

        Assert.Equal(new ShiftWindow(new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), s_now, "2026-12-07/early"), window);
    }

    [Fact]
    public void TryResolve_Previous_IsFridaysLateShiftOnMondayMorning()
    {
        Assert.True(ShiftWindow.TryResolve(TestPlants.Automotive, "previous", s_now, out var window, out _));

        Assert.Equal(new ShiftWindow(new(2026, 12, 4, 13, 0, 0, TimeSpan.Zero), new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero), "2026-12-04/late"), window);
    }

    [Fact]
    public void TryResolve_DateAndShift_IsThatShiftInLocalTime()
    {
        Assert.True(ShiftWindow.TryResolve(TestPlants.Automotive, "2026-12-03/late", s_now, out var window, out _));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero), window!.From);
        Assert.Equal(TimeSpan.FromHours(8), window.Until - window.From);
    }

    [Theory]
    [InlineData("yesterday", "must be current, previous or yyyy-MM-dd/{shift}")]
    [InlineData("2026-12-03/night", "no shift 'night'")]
    [InlineData("2026-12-05/early", "'early' does not run on Saturday")]
    [InlineData("2026-12-08/early", "has not started yet")]
    public void TryResolve_BadShift_SaysWhatIsWrong(string shift, string expected)
    {
        Assert.False(ShiftWindow.TryResolve(TestPlants.Automotive, shift, s_now, out var window, out var error));

        Assert.Null(window);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith($"shift '{shift}'", error, StringComparison.Ordinal);
    }
}
