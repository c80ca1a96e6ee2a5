using System.Collections.Immutable;
using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class DataTests
{
    [Theory]
    [InlineData(600, 1)]
    [InlineData(601, 2)]
    [InlineData(3600, 10)]
    [InlineData(8 * 3600, 60)]
    [InlineData(30 * 86400, 7200)]
    [InlineData(365 * 86400, 86400)]
    public void TrendBuckets_For_GivesTheSmallestRoundWidthWithinTheBucketLimit(int rangeSeconds, int expectedSeconds)
    {
        var bucket = TrendBuckets.For(TimeSpan.FromSeconds(rangeSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), bucket);
        Assert.True(rangeSeconds / bucket.TotalSeconds <= TrendBuckets.MaxBuckets);
    }

    [Fact]
    public void TrendBuckets_For_MoreThanTwoYears_UsesWholeDays()
    {
        var bucket = TrendBuckets.For(TimeSpan.FromDays(1000));

        Assert.Equal(TimeSpan.FromDays(2), bucket);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void TrendBuckets_For_EmptyOrNegativeRange_Throws(int seconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TrendBuckets.For(TimeSpan.FromSeconds(seconds)));
        Assert.Equal("range", ex.ParamName);
    }

    [Fact]
    public void ForecastMapping_ToLive_KeepsIntervalFanAndMostFrequentBottleneck()
    {
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var end = now.AddHours(4);
        var fan = ImmutableArray.Create(new ForecastFanPoint(now, 100, 100, 100), new ForecastFanPoint(end, 180, 200, 215));
        var output = new OutputForecast(100, 199.5, 200, 180, 215, 210, 0.2, fan);
        var bottlenecks = ImmutableArray.Create(new BottleneckFrequency(new AssetId("basecoat"), 0.7, 0.4), new BottleneckFrequency(new AssetId("primer"), 0.3, 0.2));
        var line = new LineForecast(new LineId("paint"), "Paint", output, null, bottlenecks);
        var forecast = new ShiftForecast(now, end, 500, 1, 0.9, output, [line], null, bottlenecks, TimeSpan.FromSeconds(1.2));
        var actual = new Dictionary<string, IReadOnlyList<OutputPoint>> { ["paint"] = [new OutputPoint(now.AddHours(-4), 0), new OutputPoint(now, 100)] };

        var live = ForecastMapping.ToLive(forecast, now.AddHours(-4), actual);

        var l = Assert.Single(live.Lines);
        Assert.Equal((100L, 199.5, 180.0, 215.0, 210, 0.2), (l.OutputSoFar, l.Expected, l.Low, l.High, l.Target!.Value, l.Probability!.Value));
        Assert.Equal("basecoat", l.Bottleneck);
        Assert.Equal(0.7, l.BottleneckShare);
        Assert.Equal([new FanPoint(now, 100, 100, 100), new FanPoint(end, 180, 200, 215)], l.Fan);
        Assert.Equal(2, l.Actual.Count);
        Assert.Equal((now, end, 500), (live.MadeAt, live.ShiftEnd, live.Replications));
    }

    [Fact]
    public void StationStateStyle_EveryState_HasADistinctBadgeAndColour()
    {
        var all = StationStateStyle.All;

        Assert.Equal(Enum.GetValues<StationState>().Length + 1, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.Badge).Distinct().Count());
        Assert.Equal(all.Count, all.Select(s => s.Fill).Distinct().Count());
    }
}
