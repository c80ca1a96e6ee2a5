using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Components.Dashboard.Layout;

namespace FactoryTwin.Server.Tests.Components.Dashboard.Layout;

public sealed class PlantLayoutBuilderTests
{
    private static PlantModel Automotive()
    {
        var result = PlantLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    private static PlantModel Parse(string text)
    {
        var result = PlantLoader.Parse(text);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Fact]
    public void Build_AutomotiveSample_PlacesEveryElementOnceWithoutOverlap()
    {
        var plant = Automotive();

        var layout = PlantLayoutBuilder.Build(plant);

        Assert.Equal(plant.Elements().Select(e => e.Id), layout.Nodes.Select(n => n.Id));
        for (var i = 0; i < layout.Nodes.Length; i++)
        {
            for (var j = i + 1; j < layout.Nodes.Length; j++)
            {
                var a = layout.Nodes[i];
                var b = layout.Nodes[j];
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"{a.Id} overlaps {b.Id}");
            }
        }
    }

    [Fact]
    public void Build_AutomotiveSample_ForwardRoutesRunLeftToRightAndEveryRouteIsDrawn()
    {
        var plant = Automotive();

        var layout = PlantLayoutBuilder.Build(plant);

        var routes = plant.Elements().Sum(e => e.Next.Count + (e is Station { Rework: not null } or Station { Oven.CureRework: not null } ? 1 : 0));
        Assert.Equal(routes, layout.Edges.Length);
        foreach (var edge in layout.Edges.Where(e => e.Kind == LayoutEdgeKind.Flow))
        {
            var from = layout.Node(edge.From)!;
            var to = layout.Node(edge.To)!;
            Assert.True(to.Layer > from.Layer, $"{edge.From} -> {edge.To} goes from column {from.Layer} to {to.Layer}");
            Assert.Equal(new LayoutPoint(from.X + from.Width, from.Centre.Y), edge.Points[0]);
            Assert.Equal(new LayoutPoint(to.X, to.Centre.Y), edge.Points[^1]);
        }
    }

    [Fact]
    public void Build_AutomotiveSample_MarksLineTransfersAndReworkLoops()
    {
        var layout = PlantLayoutBuilder.Build(Automotive());

        Assert.Contains(layout.Edges, e => e.From == new AssetId("biw-store") && e.To == new AssetId("pretreatment") && e.Kind == LayoutEdgeKind.Transfer);
        Assert.Contains(layout.Edges, e => e.From == new AssetId("inspection") && e.To == new AssetId("spot-repair") && e.Kind == LayoutEdgeKind.Rework);
        Assert.Contains(layout.Edges, e => e.From == new AssetId("spot-repair") && e.To == new AssetId("inspection") && e.Kind == LayoutEdgeKind.Rework);
        Assert.Contains(layout.Edges, e => e.From == new AssetId("topcoat-oven") && e.To == new AssetId("repaint-queue") && e.Kind == LayoutEdgeKind.Rework);
    }

    [Fact]
    public void Build_AutomotiveSample_ParallelBranchesShareAColumnInDifferentRows()
    {
        var layout = PlantLayoutBuilder.Build(Automotive());

        var sedan = layout.Node(new AssetId("framing-sedan"))!;
        var suv = layout.Node(new AssetId("framing-suv"))!;
        Assert.Equal(sedan.Layer, suv.Layer);
        Assert.Equal(sedan.X, suv.X);
        Assert.NotEqual(sedan.Y, suv.Y);
        var merge = layout.Node(new AssetId("framing-merge"))!;
        Assert.Equal(sedan.Layer + 1, merge.Layer);
    }

    [Fact]
    public void Build_AutomotiveSample_FramesContainTheirElementsAndLinesStackWithoutOverlap()
    {
        var layout = PlantLayoutBuilder.Build(Automotive());

        foreach (var n in layout.Nodes)
        {
            var line = layout.Lines.Single(f => f.Id == n.Line.Value);
            Assert.True(Contains(line, n.X, n.Y, n.Width, n.Height), $"{n.Id} lies outside line {line.Id}");
            var area = layout.Areas.Single(f => f.Id == n.Area.Value);
            Assert.True(Contains(area, line.X, line.Y, line.Width, line.Height), $"line {line.Id} lies outside area {area.Id}");
        }

        var byTop = layout.Lines.OrderBy(l => l.Y).ToList();
        for (var i = 1; i < byTop.Count; i++)
        {
            Assert.True(byTop[i].Y >= byTop[i - 1].Y + byTop[i - 1].Height, $"{byTop[i].Id} overlaps {byTop[i - 1].Id}");
        }

        Assert.All(layout.Areas, a => Assert.True(a.X + a.Width <= layout.Width && a.Y + a.Height <= layout.Height));
    }

    [Fact]
    public void Build_SerialLine_PutsElementsInOneRowInFlowOrder()
    {
        var plant = Parse(SerialLine(layout: false));

        var layout = PlantLayoutBuilder.Build(plant);

        var ids = new[] { "src", "a", "q", "b", "out" };
        var nodes = ids.Select(i => layout.Node(new AssetId(i))!).ToList();
        Assert.Equal([0, 1, 2, 3, 4], nodes.Select(n => n.Layer));
        Assert.Single(nodes.Select(n => n.Y).Distinct());
        Assert.True(nodes.Zip(nodes.Skip(1)).All(p => p.First.X < p.Second.X));
        Assert.All(layout.Edges, e => Assert.Equal(2, e.Points.Length));
        Assert.Empty(layout.Notes);
    }

    [Fact]
    public void Build_EveryElementPositionedInFile_FollowsTheFileScaled()
    {
        var plant = Parse(SerialLine(layout: true));
        var options = new PlantLayoutOptions { FileScale = 10 };

        var layout = PlantLayoutBuilder.Build(plant, options);

        var src = layout.Node(new AssetId("src"))!;
        var b = layout.Node(new AssetId("b"))!;
        Assert.True(src.FromFile && b.FromFile);
        Assert.Equal(30 * 10, b.X - src.X, 9);
        Assert.Equal(5 * 10, b.Y - src.Y, 9);
        Assert.Single(layout.Notes);
    }

    [Fact]
    public void Build_SomeElementsPositionedInFile_LaysTheLineOutAutomaticallyAndSaysWhy()
    {
        var text = SerialLine(layout: false).Replace("id: b\n", "id: b\n            layout: { x: 3, y: 4 }\n", StringComparison.Ordinal);
        var plant = Parse(text);

        var layout = PlantLayoutBuilder.Build(plant);

        Assert.All(layout.Nodes, n => Assert.False(n.FromFile));
        var note = Assert.Single(layout.Notes);
        Assert.Contains("'line1'", note, StringComparison.Ordinal);
        Assert.Contains("1 of 5", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SamePlantTwice_GivesTheSameLayout()
    {
        var plant = Automotive();

        var a = PlantLayoutBuilder.Build(plant);
        var b = PlantLayoutBuilder.Build(plant);

        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Edges.Select(e => (e.From, e.To, e.Kind, string.Join(";", e.Points))), b.Edges.Select(e => (e.From, e.To, e.Kind, string.Join(";", e.Points))));
    }

    private static bool Contains(LayoutFrame f, double x, double y, double w, double h) =>
        x >= f.X - 1e-9 && y >= f.Y - 1e-9 && x + w <= f.X + f.Width + 1e-9 && y + h <= f.Y + f.Height + 1e-9;

    private static string SerialLine(bool layout)
    {
        string L(int x, int y) => layout ? $"\n            layout: {{ x: {x}, y: {y} }}" : string.Empty;
        return $$"""
            apiVersion: factorytwin/v1
            site:
              id: t
              name: Test
            calendars:
              - id: cal
                shifts:
                  - { id: s1, start: "06:00", end: "14:00", days: [mon-fri] }
            materials:
              - { id: steel, conductivity: 50 W/(m.K), density: 7850 kg/m3, specificHeat: 470 J/(kg.K) }
            bodyStyles:
              - id: body
                points:
                  - { id: roof, thickness: 0.7 mm, material: steel }
            variants:
              - { id: v, bodyStyle: body, mix: 1 }
            colours:
              - { id: white, mix: 1 }
            areas:
              - id: shop
                lines:
                  - id: line1
                    calendar: cal
                    sources:
                      - id: src{{L(0, 0)}}
                        interArrival: 60 s
                        next: a
                    stations:
                      - id: a{{L(10, 0)}}
                        kind: manual
                        processingTime: 50 s
                        next: q
                      - id: b{{L(30, 5)}}
                        kind: manual
                        processingTime: 50 s
                        next: out
                    buffers:
                      - id: q{{L(20, 0)}}
                        capacity: 5
                        next: b
                    sinks:
                      - id: out{{L(40, 5)}}
            """;
    }
}
