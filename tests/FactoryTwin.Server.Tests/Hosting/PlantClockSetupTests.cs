using FactoryTwin.Server.Hosting;

namespace FactoryTwin.Server.Tests.Hosting;

public sealed class PlantClockSetupTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Sunday 29 November 2026, 02:03 in Berlin (UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 3, 0, TimeSpan.Zero);

    [Fact]
    public void StartOf_NoDayOrTime_IsNow() =>
        Assert.Equal(Now, PlantClockSetup.StartOf(Now, Berlin, null, null));

    [Fact]
    public void StartOf_DayAndTime_IsTheLastSuchInstantInTheSiteZone() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, DayOfWeek.Monday, new TimeOnly(7, 0)));

    [Fact]
    public void StartOf_TimeLaterToday_IsThatTimeYesterday() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, null, new TimeOnly(6, 0)));

    [Fact]
    public void StartOf_TimeEarlierToday_IsToday() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 30, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, null, new TimeOnly(1, 30)));

    [Fact]
    public void StartOf_TodaysDayLaterInTheDay_IsAWeekAgo() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, DayOfWeek.Sunday, new TimeOnly(10, 0)));

    [Fact]
    public void StartOf_SummerTime_UsesThatDaysOffset()
    {
        var july = new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 7, 13, 4, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(july, Berlin, DayOfWeek.Monday, new TimeOnly(6, 0)));
    }
}
