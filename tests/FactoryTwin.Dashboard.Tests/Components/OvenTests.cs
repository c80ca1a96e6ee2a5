using FactoryTwin.Server.Components.Dashboard.Pages;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class OvenTests
{
    private static OvenLive EcoatOven() => new(
        "ecoat-oven",
        "E-coat oven",
        FakeDashboardData.Now,
        [
            new OvenZoneLive("z1", 468.15, 468.65, FakeDashboardData.Now, [new TrendPoint(FakeDashboardData.Now.AddMinutes(-10), 467, 468, 469), new TrendPoint(FakeDashboardData.Now, 468, 468.6, 469)]),
            new OvenZoneLive("z2", 473.15, 455.15, FakeDashboardData.Now, []),
        ],
        [
            new OvenBodyLive("B-000101", "sedan", "white", FakeDashboardData.Now.AddMinutes(-12), "ok", "b-pillar-reinforcement", 0.18),
            new OvenBodyLive("B-000102", "suv", "red", FakeDashboardData.Now.AddMinutes(-6), "under-cured", "frame-rail", -0.07),
        ]);

    [Fact]
    public void Oven_ZonesShowSetpointAirAndDeviation()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Oven = EcoatOven();
        var cut = ctx.Render<Oven>(p => p.Add(o => o.Asset, "ecoat-oven"));

        var z1 = cut.Find("tr[data-zone='z1']").TextContent;
        Assert.Contains("195.0 °C", z1, StringComparison.Ordinal);
        Assert.Contains("195.5 °C", z1, StringComparison.Ordinal);
        var z2 = cut.Find("tr[data-zone='z2']");
        Assert.Contains("-18.0 K", z2.TextContent, StringComparison.Ordinal);
        Assert.NotNull(z2.QuerySelector(".ft-bad"));
        Assert.NotEmpty(cut.Find(".ft-zone-chart[data-zone='z1'] polyline.ft-series").GetAttribute("points")!);
        Assert.Contains("setpoint 195 °C", cut.Find(".ft-zone-chart[data-zone='z1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Oven_EachZoneHasItsOwnChartScaledAroundItsSetpoint()
    {
        // z1 at 195 °C and z2 at 200 °C with a reading 1 K off: on one shared axis the zones squeezed into one band.
        using var ctx = new DashboardContext();
        ctx.Data.Oven = EcoatOven();
        var cut = ctx.Render<Oven>(p => p.Add(o => o.Asset, "ecoat-oven"));

        var charts = cut.FindAll(".ft-zone-chart");
        Assert.Equal(["z1", "z2"], charts.Select(c => c.GetAttribute("data-zone")));
        var z1Ticks = charts[0].QuerySelectorAll("text.ft-tick").Select(t => t.TextContent).Where(t => !t.Contains(':', StringComparison.Ordinal)).ToList();
        Assert.All(z1Ticks, t => Assert.InRange(double.Parse(t, System.Globalization.CultureInfo.InvariantCulture), 193, 197));
        Assert.Single(charts[0].QuerySelectorAll("text.ft-rule-label"));
        Assert.Equal("No measurement in the last 30 min", charts[1].QuerySelector(".ft-empty")?.TextContent);
    }

    [Fact]
    public void Oven_BodiesShowPredictedVerdictInText()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Oven = EcoatOven();
        var cut = ctx.Render<Oven>(p => p.Add(o => o.Asset, "ecoat-oven"));

        Assert.Contains("✓ ok", cut.Find("tr[data-body='B-000101']").TextContent, StringComparison.Ordinal);
        var risky = cut.Find("tr[data-body='B-000102']");
        Assert.Contains("✗ under-cured", risky.TextContent, StringComparison.Ordinal);
        Assert.Contains("frame-rail", risky.TextContent, StringComparison.Ordinal);
        Assert.Contains("-7%", risky.TextContent.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Oven_SelectingABody_DrawsItsPointCurvesAgainstTheCureWindow()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Oven = EcoatOven();
        ctx.Data.Curves = new BodyCurves("B-000102", 433.15, 493.15, 600, 360,
        [
            new PointCurve("roof-centre", "ok", [0, 300, 600, 900], [293.15, 420, 460, 470]),
            new PointCurve("frame-rail", "under-cured", [0, 300, 600, 900], [293.15, 350, 420, 440]),
        ]);
        var cut = ctx.Render<Oven>(p => p.Add(o => o.Asset, "ecoat-oven"));
        Assert.Empty(cut.FindAll("#body-curves"));

        cut.Find("tr[data-body='B-000102'] button").Click();

        var curves = cut.Find("#body-curves");
        Assert.Equal("B-000102", curves.GetAttribute("data-body"));
        Assert.Equal(2, curves.QuerySelectorAll("polyline.ft-series").Length);
        Assert.Contains("cure threshold", curves.TextContent, StringComparison.Ordinal);
        Assert.Contains("max peak", curves.TextContent, StringComparison.Ordinal);
        Assert.Contains("frame-rail (✗ under-cured)", curves.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 600 s at or above 160.0 °C", curves.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Oven_WithoutAsset_OpensTheFirstOvenOfThePlant()
    {
        using var ctx = new DashboardContext();
        ctx.Data.Oven = EcoatOven();
        var cut = ctx.Render<Oven>();

        Assert.Contains("E-coat oven", cut.Find(".ft-page-head").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("a.ft-tab").Count);
    }

    [Fact]
    public void Oven_UnknownOven_SaysSo()
    {
        using var ctx = new DashboardContext();
        var cut = ctx.Render<Oven>(p => p.Add(o => o.Asset, "respot"));

        Assert.Contains("'respot' is not an oven of this plant.", cut.Markup, StringComparison.Ordinal);
    }
}
