using System.Globalization;
using FactoryTwin.Server.Components.Dashboard.Layout;
using FactoryTwin.Server.Components.Dashboard.Pages;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class OverviewTests
{
    private static PlantLive LiveWith(params AssetLive[] assets) =>
        new(FakeDashboardData.Now, assets.ToDictionary(a => a.Asset), [new LineLive("body", "Body shop line", 123, 45, 0.61, 17, 400)], []);

    [Fact]
    public void Overview_DrawsEveryLayoutElementAndEdge()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Overview>();

        var layout = ctx.Data.Layout;
        Assert.Equal(layout.Nodes.Length, cut.FindAll("g.ft-node").Count);
        Assert.Equal(layout.Edges.Length, cut.FindAll("polyline.ft-edge").Count);
        Assert.Equal(layout.Lines.Length, cut.FindAll("g.ft-line").Count);
        Assert.Contains(layout.Edges, e => e.Kind == LayoutEdgeKind.Rework);
        Assert.NotEmpty(cut.FindAll("polyline.ft-edge-rework[marker-end='url(#arrow-rework)']"));
    }

    [Fact]
    public void Overview_StationState_IsShownByColourPatternAndText()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Live = LiveWith(
            new AssetLive("respot", "body", StationState.Down, FakeDashboardData.Now, 10, 1, 1, 0.5),
            new AssetLive("closures", "body", StationState.Working, FakeDashboardData.Now, 10, 0, 1, 0.8));
        var cut = ctx.Render<Overview>();

        var down = cut.Find("g.ft-node[data-asset='respot']");
        Assert.Equal("Down", down.GetAttribute("data-state"));
        Assert.Contains(StationStateStyle.Of(StationState.Down).Fill, down.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("url(#pat-dense)", down.InnerHtml, StringComparison.Ordinal);
        Assert.Contains(">DOWN<", down.InnerHtml, StringComparison.Ordinal);
        var working = cut.Find("g.ft-node[data-asset='closures']");
        Assert.Contains(">RUN<", working.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("url(#pat-", working.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("Unknown", cut.Find("g.ft-node[data-asset='underbody']").GetAttribute("data-state"));
    }

    [Fact]
    public void Overview_Legend_NamesEveryStateWithItsBadge()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Overview>();

        var items = cut.FindAll(".ft-legend-item");
        Assert.Equal(StationStateStyle.All.Count, items.Count);
        foreach (var style in StationStateStyle.All)
        {
            Assert.Contains(items, i => i.TextContent.Contains(style.Label, StringComparison.Ordinal) && i.TextContent.Contains(style.Badge, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Overview_BufferFillBar_IsProportionalToLevelOverCapacity()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Live = LiveWith(new AssetLive("biw-store", "body", null, null, 0, 0, 10, 0));
        var cut = ctx.Render<Overview>();

        var node = ctx.Data.Layout.Nodes.Single(n => n.Id.Value == "biw-store");
        var fill = cut.Find("g.ft-node[data-asset='biw-store'] rect.ft-fill");
        var width = double.Parse(fill.GetAttribute("width")!, CultureInfo.InvariantCulture);
        Assert.Equal((node.Width - 8) * 10 / 40, width, 0.1);
        Assert.Contains("10/40", cut.Find("g.ft-node[data-asset='biw-store']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_LineKpisAndAlarms_AreListed()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Live = LiveWith() with
        {
            ActiveAlarms = [new AlarmItem("ecoat-oven-z2-low", "ecoat-oven", "Zone 2 air below 190 °C", "high", AlarmLifecycle.ActiveUnacknowledged, FakeDashboardData.Now, null, null)],
        };
        var cut = ctx.Render<Overview>();

        var kpi = cut.Find(".ft-kpi[data-line='body']");
        Assert.Contains("123", kpi.TextContent, StringComparison.Ordinal);
        Assert.Contains("/ 400", kpi.TextContent, StringComparison.Ordinal);
        Assert.Contains("61%", kpi.TextContent.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Zone 2 air below 190 °C", cut.Find("#overview-alarms").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_BeforeTheFirstReadReturns_ShowsLoadingNotEmptyValues()
    {
        using var ctx = new DashboardContext();
        ctx.Data.PlantGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ctx.Data.Live = LiveWith(new AssetLive("respot", "body", StationState.Working, null, 10, 0, 1, 0.5));
        var cut = ctx.Render<Overview>();

        Assert.NotNull(cut.Find("#overview-loading"));
        Assert.Empty(cut.FindAll("#overview-asof"));
        Assert.DoesNotContain("Active alarms", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("No active alarms", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("g.ft-node"));

        await cut.InvokeAsync(() => ctx.Data.PlantGate.SetResult());

        cut.WaitForAssertion(() => Assert.Equal("Working", cut.Find("g.ft-node[data-asset='respot']").GetAttribute("data-state")));
        Assert.Empty(cut.FindAll("#overview-loading"));
        Assert.NotNull(cut.Find("#overview-asof"));
    }

    [Fact]
    public async Task Overview_TwinAnnouncesChange_RereadsAndRerendersWithoutReload()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Live = LiveWith(new AssetLive("respot", "body", StationState.Working, null, 10, 0, 1, 0.5));
        var cut = ctx.Render<Overview>();
        Assert.Equal("Working", cut.Find("g.ft-node[data-asset='respot']").GetAttribute("data-state"));

        // Time alone re-reads nothing: the page is pushed, not polled.
        ctx.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, ctx.Data.PlantReads);

        ctx.Data.Live = LiveWith(new AssetLive("respot", "body", StationState.Blocked, null, 11, 0, 1, 0.5));
        await cut.InvokeAsync(() => ctx.Data.AnnounceAsync(new DashboardChange(new HashSet<string> { "respot" }, false, false, false)));

        cut.WaitForAssertion(() => Assert.Equal("Blocked", cut.Find("g.ft-node[data-asset='respot']").GetAttribute("data-state")));
        Assert.Equal(2, ctx.Data.PlantReads);
    }

    [Fact]
    public async Task Overview_ChangesInQuickSuccession_ReadOnceMorePerRefreshInterval()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Overview>();
        var change = new DashboardChange(new HashSet<string> { "respot" }, true, false, false);

        // The first change right after the page loaded waits for the interval; the next ones join it.
        for (var i = 0; i < 5; i++)
        {
            await cut.InvokeAsync(() => ctx.Data.AnnounceAsync(change));
        }

        Assert.Equal(1, ctx.Data.PlantReads);
        ctx.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal(2, ctx.Data.PlantReads));
    }

    [Fact]
    public async Task Overview_Disposed_StopsWatching()
    {
        using var ctx = new DashboardContext();
        ctx.Render<Overview>();
        Assert.Equal(1, ctx.Data.Watchers);

        await ctx.DisposeComponentsAsync();

        Assert.Equal(0, ctx.Data.Watchers);
    }

    [Fact]
    public void Overview_StationsAndOvens_LinkToTheirPages()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Overview>();

        Assert.Equal("stations/respot", cut.Find("g.ft-node[data-asset='respot'] a").GetAttribute("href"));
        Assert.Equal("ovens/ecoat-oven", cut.Find("g.ft-node[data-asset='ecoat-oven'] a").GetAttribute("href"));
    }
}
