using FactoryTwin.Server.Components.Dashboard.Pages;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class ForecastTests
{
    private static readonly DateTimeOffset Start = FakeDashboardData.Now.AddHours(-4);
    private static readonly DateTimeOffset End = FakeDashboardData.Now.AddHours(4);

    private static LineForecastLive Paint(IReadOnlyList<FanPoint> fan) => new(
        "paint", 180, 362.4, 340, 384, 370, 0.31, "basecoat", 0.64,
        [new OutputPoint(Start, 0), new OutputPoint(Start.AddHours(2), 90), new OutputPoint(FakeDashboardData.Now, 180)],
        fan);

    [Fact]
    public void Forecast_None_SaysNoForecastYet()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Forecast>();

        Assert.NotNull(cut.Find("#forecast-none"));
    }

    [Fact]
    public void Forecast_ShowsExpectedIntervalProbabilityAndBottleneck()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Forecast = new ForecastLive(FakeDashboardData.Now, Start, End, 1000, [Paint([])]);
        var cut = ctx.Render<Forecast>();

        var line = cut.Find(".ft-forecast[data-line='paint']").TextContent;
        Assert.Equal("362", cut.Find(".ft-expected").TextContent);
        Assert.Contains("90 %: 340–384", line, StringComparison.Ordinal);
        Assert.Equal("31%", cut.Find(".ft-probability").TextContent.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("basecoat", line, StringComparison.Ordinal);
        Assert.Contains("64%", line.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("target 370", line, StringComparison.Ordinal);
        Assert.Contains("1000 replications", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_WithFan_DrawsActualMedianAndBand()
    {
        using var ctx = new DashboardContext();
        var fan = new[]
        {
            new FanPoint(FakeDashboardData.Now, 180, 180, 180),
            new FanPoint(FakeDashboardData.Now.AddHours(2), 255, 270, 285),
            new FanPoint(End, 340, 362, 384),
        };
        ctx.Data.Forecast = new ForecastLive(FakeDashboardData.Now, Start, End, 1000, [Paint(fan)]);
        var cut = ctx.Render<Forecast>();

        Assert.NotNull(cut.Find("polyline.ft-series[data-series='actual']"));
        var median = cut.Find("polyline.ft-series[data-series='forecast median']");
        Assert.Equal(3, median.GetAttribute("points")!.Split(' ').Length);
        var band = cut.Find("path.ft-band");
        Assert.Equal(6, band.GetAttribute("d")!.Split('L').Length);
        Assert.Contains("90 % band", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_OffShift_SaysWhenTheNextShiftStartsAndDrawsNoNowLine()
    {
        using var ctx = new DashboardContext();
        var next = FakeDashboardData.Now.AddHours(5);
        var empty = new LineForecastLive("paint", 0, 362.4, 340, 384, 370, 0.31, "basecoat", 0.64, [], []);
        ctx.Data.Forecast = new ForecastLive(FakeDashboardData.Now, next, next.AddHours(8), 1000, [empty]);
        var cut = ctx.Render<Forecast>();

        Assert.Contains("off shift; next shift starts", cut.Find(".ft-asof").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("#forecast-off-shift"));
        Assert.DoesNotContain(cut.FindAll("text.ft-rule-label"), t => t.TextContent.StartsWith("forecast made", StringComparison.Ordinal));
        Assert.Equal("0", cut.FindAll(".ft-forecast b")[1].TextContent);
    }

    [Fact]
    public void Forecast_TargetAndNowLabels_NeverOverlap()
    {
        // The forecast's instant near the shift end and the target at the top of the chart: the two labels once sat on top of each other.
        using var ctx = new DashboardContext();
        var now = End.AddMinutes(-10);
        var line = new LineForecastLive("paint", 360, 372, 365, 380, 380, 0.4, null, null, [new OutputPoint(Start, 0), new OutputPoint(now, 360)], []);
        ctx.Data.Forecast = new ForecastLive(now, Start, End, 1000, [line]);
        var cut = ctx.Render<Forecast>();

        var boxes = cut.FindAll("text.ft-rule-label").Select(ChartLabels.Box).ToList();
        Assert.Equal(2, boxes.Count);
        Assert.False(ChartLabels.Overlap(boxes[0], boxes[1]), $"labels overlap: {boxes[0]} and {boxes[1]}");
        Assert.All(boxes, b => Assert.True(b.X0 >= 0 && b.X1 <= 800, $"label outside the chart: {b}"));
    }
}
