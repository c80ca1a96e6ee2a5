using System.Globalization;
using FactoryTwin.Server.Components.Dashboard.Layout;
using FactoryTwin.Server.Components.Dashboard.Pages;

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
            new AssetLive("respot", "body", StationStatus.Down, FakeDashboardData.Now, 10, 1, 1, 0.5),
            new AssetLive("closures", "body", StationStatus.Working, FakeDashboardData.Now, 10, 0, 1, 0.8));
        var cut = ctx.Render<Overview>();

        var down = cut.Find("g.ft-node[data-asset='respot']");
        Assert.Equal("Down", down.GetAttribute("data-state"));
        Assert.Contains(StationStatusStyle.Of(StationStatus.Down).Fill, down.InnerHtml, StringComparison.Ordinal);
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
        Assert.Equal(StationStatusStyle.All.Count, items.Count);
        foreach (var style in StationStatusStyle.All)
        {
            Assert.Contains(items, i => i.TextContent.Contains(style.Label, StringComparison.Ordinal) && i.TextContent.Contains(style.Badge, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Overview_BufferFillBar_IsProportionalToLevelOverCapacity()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Live = LiveWith(new AssetLive("biw-store", "body", StationStatus.Unknown, null, 0, 0, 10, 0));
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
    public void Overview_ClockTick_RereadsAndRerendersWithoutReload()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Live = LiveWith(new AssetLive("respot", "body", StationStatus.Working, null, 10, 0, 1, 0.5));
        var cut = ctx.Render<Overview>();
        Assert.Equal("Working", cut.Find("g.ft-node[data-asset='respot']").GetAttribute("data-state"));

        ctx.Data.Live = LiveWith(new AssetLive("respot", "body", StationStatus.Blocked, null, 11, 0, 1, 0.5));
        ctx.Clock.Advance(TimeSpan.FromSeconds(2));

        cut.WaitForAssertion(() => Assert.Equal("Blocked", cut.Find("g.ft-node[data-asset='respot']").GetAttribute("data-state")));
        Assert.True(ctx.Data.PlantReads >= 2);
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
