using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Model.Tests.Telemetry;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_AfterInnerMinute_ReadsSpeedMinutesAfterOrigin()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 60, Start.AddDays(-1));

        inner.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Start.AddDays(-1).AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_WithoutOrigin_StartsAtTheInnerTime()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 20);

        Assert.Equal(Start, clock.GetUtcNow());
        inner.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(Start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void GetElapsedTime_IsScaled()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 10);
        var t0 = clock.GetTimestamp();

        inner.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromMinutes(5), clock.GetElapsedTime(t0));
    }

    [Fact]
    public async Task Delay_OfOneScaledMinute_EndsAfterTheInnerSecondsItTakes()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 60);

        var delay = Task.Delay(TimeSpan.FromMinutes(1), clock, TestContext.Current.CancellationToken);
        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        await delay;
    }

    [Fact]
    public void Timer_Change_ScalesDueTimeAndPeriod()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 4);
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(4));
        inner.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, ticks);
        inner.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(4, ticks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_SpeedNotPositiveAndFinite_ThrowsNamingSpeed(double speed)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(TimeProvider.System, speed));
        Assert.Equal("speed", ex.ParamName);
    }
}
