using FactoryTwin.Server.Components.Dashboard.Widgets;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class LineChartTests
{
    [Fact]
    public void Render_ValuesAroundZero_NoTickReadsMinusZeroOrARoundingResidue()
    {
        using var ctx = new DashboardContext();
        var points = Enumerable.Range(0, 30).Select(i => new ChartPoint(i, Math.Sin(i / 3.0) * 0.3)).ToList();

        var cut = ctx.Render<LineChart>(p => p.Add(c => c.Series, [new ChartSeries("deviation", "#000", points)]));

        var ticks = cut.FindAll("text.ft-tick").Select(t => t.TextContent).ToList();
        Assert.Contains("0", ticks);
        Assert.DoesNotContain("-0", ticks);
        Assert.DoesNotContain(ticks, t => t.Contains('E', StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ExplicitYTicks_LabelsExactlyThoseRows()
    {
        using var ctx = new DashboardContext();
        string[] rows = ["ORD-3", "ORD-2", "ORD-1"];

        var cut = ctx.Render<LineChart>(p => p
            .Add(c => c.Series, [new ChartSeries("s", "#000", [new ChartPoint(0, 0), new ChartPoint(10, 2)])])
            .Add(c => c.YTicks, [0.0, 1.0, 2.0])
            .Add(c => c.YFormat, v => rows[(int)v]));

        var ticks = cut.FindAll("text.ft-tick").Select(t => t.TextContent).Where(t => t.StartsWith("ORD", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ORD-3", "ORD-2", "ORD-1"], ticks);
    }

    [Fact]
    public void Render_BandsOfOneKind_AreDrawnEachButListedOnceWithTheirOpacity()
    {
        using var ctx = new DashboardContext();
        ChartBand Bar(double row) => new("planned", "#607D8B", [new(0, row - 0.3), new(5, row - 0.3)], [new(0, row + 0.3), new(5, row + 0.3)], 0.5);

        var cut = ctx.Render<LineChart>(p => p.Add(c => c.Bands, [Bar(0), Bar(1), Bar(2)]));

        Assert.Equal(3, cut.FindAll("path.ft-band[data-band='planned']").Count);
        Assert.All(cut.FindAll("path.ft-band"), b => Assert.Equal("0.5", b.GetAttribute("fill-opacity")));
        Assert.Single(cut.FindAll(".ft-chart-legend span"));
    }

    [Fact]
    public void Render_TimeAxis_LastLabelStaysInsideTheDrawing()
    {
        // A shift 06:00–14:00: the 14:00 tick sits on the right edge, where a centred label lost its ":00".
        using var ctx = new DashboardContext();
        var start = new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var end = start + (8 * 3600);
        var cut = ctx.Render<LineChart>(p => p
            .Add(c => c.Series, [new ChartSeries("actual", "#000", [new ChartPoint(start, 0), new ChartPoint(end, 400)])])
            .Add(c => c.TimeAxis, true)
            .Add(c => c.XRange, (start, end))
            .Add(c => c.XFormat, v => DateTimeOffset.FromUnixTimeSeconds((long)v).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        var labels = cut.FindAll("text.ft-tick").Where(t => t.TextContent.Contains(':', StringComparison.Ordinal)).ToList();
        Assert.Contains(labels, t => t.TextContent == "14:00");
        Assert.All(labels.Select(ChartLabels.Box), b => Assert.True(b.X0 >= 0 && b.X1 <= 800, $"a time label leaves the drawing: {b}"));
    }

    [Fact]
    public void Render_ManyRulesOnNearlyTheSameValue_PlacesLabelsWithoutOverlap()
    {
        using var ctx = new DashboardContext();
        var points = new List<ChartPoint> { new(0, 150), new(100, 215) };
        ChartRule[] rules =
        [
            new(false, 195, "z1 setpoint", "#000"), new(false, 196, "z2 setpoint", "#111"), new(false, 197, "z3 setpoint", "#222"),
            new(false, 198, "z4 setpoint", "#333"), new(true, 99, "now", "#444"),
        ];

        var cut = ctx.Render<LineChart>(p => p.Add(c => c.Series, [new ChartSeries("air", "#000", points)]).Add(c => c.Rules, rules));

        var boxes = cut.FindAll("text.ft-rule-label").Select(ChartLabels.Box).ToList();
        Assert.True(boxes.Count >= 4, $"only {boxes.Count} labels placed");
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(ChartLabels.Overlap(boxes[i], boxes[j]), $"labels {i} and {j} overlap: {boxes[i]} {boxes[j]}");
            }
        }

        // Every rule keeps its line, and a label that found no room is still named by the line's tooltip.
        Assert.Equal(5, cut.FindAll("line.ft-rule").Count);
        Assert.Equal(5, cut.FindAll("line.ft-rule title").Count);
    }
}
