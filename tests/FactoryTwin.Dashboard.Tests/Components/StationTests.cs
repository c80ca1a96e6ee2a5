using FactoryTwin.Server.Components.Dashboard.Pages;
using StationState = FactoryTwin.Model.Plants.StationState;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class StationTests
{
    private static StationDetail Respot()
    {
        var start = FakeDashboardData.Now.AddHours(-4);
        return new StationDetail(
            new AssetLive("respot", "body", StationState.Starved, FakeDashboardData.Now.AddMinutes(-3), 812, 4, 0, 0.72),
            start,
            FakeDashboardData.Now,
            0.9,
            0.85,
            0.995,
            96,
            [
                new StateSpan(start, start.AddHours(2), StationState.Working),
                new StateSpan(start.AddHours(2), start.AddHours(2.5), StationState.Down),
                new StateSpan(start.AddHours(2.5), FakeDashboardData.Now, StationState.Starved),
            ],
            [new TrendSource("respot/respot-weld-current", "respot-weld-current", "A"), new TrendSource("respot/good", "good (counter)", "parts")]);
    }

    [Fact]
    public void Station_ShowsStateCountersAndKpis()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        Assert.Equal("Starved", cut.Find("#station-state").GetAttribute("data-state"));
        Assert.Contains("STV", cut.Find("#station-state").TextContent, StringComparison.Ordinal);
        Assert.Equal("812", cut.Find("#station-good").TextContent);
        Assert.Contains("96", cut.Find("#station-counters").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Station_Times_AreShownInTheSitesTimeZone()
    {
        // The automotive site is in Europe/Berlin: 10:00 UTC on 28 November is 11:00 there.
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        Assert.Contains("since 10:57:00", cut.Markup, StringComparison.Ordinal);
        Assert.Contains(">07:00<", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">06:00<", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Station_Gantt_DrawsOneBarPerIntervalInShiftProportion()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        var spans = cut.FindAll("g.ft-span");
        Assert.Equal(["Working", "Down", "Starved"], spans.Select(s => s.GetAttribute("data-state")));
        var widths = spans.Select(s => double.Parse(s.QuerySelector("rect")!.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(500, widths[0], 0.5);
        Assert.Equal(125, widths[1], 0.5);
        Assert.Contains("url(#pat-dense)", spans[1].InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Station_Trend_AsksTheFirstSeriesForTheLastHourBucketed()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        var request = Assert.Single(ctx.Data.TrendRequests);
        Assert.Equal("respot/respot-weld-current", request.Series);
        Assert.Equal(TimeSpan.FromHours(1), request.Until - request.Since);
        Assert.Equal(FakeDashboardData.Now, request.Until);
        Assert.NotEmpty(cut.FindAll("#trend polyline.ft-series"));
        Assert.NotEmpty(cut.FindAll("#trend path.ft-band"));
    }

    [Fact]
    public void Station_MonthRange_QueriesThirtyDaysInTwoHourBuckets()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        cut.Find("button[data-range='30 d']").Click();

        var last = ctx.Data.TrendRequests[^1];
        Assert.Equal(TimeSpan.FromDays(30), last.Until - last.Since);
        Assert.Contains("buckets of 02:00:00", cut.Find("#trend").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Station_ZoomInAndPanBack_NarrowAndMoveTheRange()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        cut.Find("#zoom-in").Click();
        var zoomed = ctx.Data.TrendRequests[^1];
        Assert.Equal(TimeSpan.FromMinutes(30), zoomed.Until - zoomed.Since);
        Assert.Equal(FakeDashboardData.Now.AddMinutes(-15), zoomed.Until);

        cut.Find("#pan-back").Click();
        var panned = ctx.Data.TrendRequests[^1];
        Assert.Equal(zoomed.Until.AddMinutes(-15), panned.Until);
    }

    [Fact]
    public void Station_ChangingSeries_QueriesThatSeries()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));

        cut.Find("#trend-series").Change("respot/good");

        Assert.Equal("respot/good", ctx.Data.TrendRequests[^1].Series);
    }

    [Fact]
    public void Station_NewAssetParameter_LoadsTheOtherStation()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Station = Respot();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "respot"));
        ctx.Data.Station = Respot() with { Live = Respot().Live with { Asset = "closures", Good = 5 }, Series = [new TrendSource("closures/good", "good (counter)", "parts")] };

        cut.Render(p => p.Add(s => s.Asset, "closures"));

        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("#station-good").TextContent));
        Assert.Equal("closures/good", ctx.Data.TrendRequests[^1].Series);
    }

    [Fact]
    public void Station_UnknownAsset_SaysSo()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Station>(p => p.Add(s => s.Asset, "no-such-station"));

        Assert.Contains("The plant has no asset 'no-such-station'.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(ctx.Data.TrendRequests);
    }
}
