using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Layout;

/// <summary>
/// Lays a plant out for drawing. Lines are stacked top to bottom in file order, framed by their areas. Inside a line,
/// elements are placed in the columns of the layered (Sugiyama) method (<see cref="LayeredLayout"/>) over the line's
/// routes and rework loops. A line whose every element has a <c>layout</c> position in the plant file is drawn from
/// those positions instead; when every element of the plant has one, the whole plant is drawn to the file's
/// coordinates. The edges are drawn by <see cref="LayoutEdgeRouter"/>.
/// </summary>
public static class PlantLayoutBuilder
{
    /// <summary>Lays out <paramref name="plant"/>.</summary>
    /// <param name="plant">The plant.</param>
    /// <param name="options">Sizes; defaults when <see langword="null"/>.</param>
    /// <returns>The drawing.</returns>
    public static PlantLayout Build(PlantModel plant, PlantLayoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        options ??= new PlantLayoutOptions();

        var allFromFile = plant.Elements().Any() && plant.Elements().All(e => e.Layout is not null);
        var nodes = new Dictionary<AssetId, LayoutNode>();
        var lineFrames = ImmutableArray.CreateBuilder<LayoutFrame>();
        var areaFrames = ImmutableArray.CreateBuilder<LayoutFrame>();
        var notes = ImmutableArray.CreateBuilder<string>();
        var backEdges = new HashSet<(AssetId, AssetId)>();

        if (allFromFile)
        {
            PlaceFromFile(plant, options, nodes, lineFrames, areaFrames);
            notes.Add("Every element has a layout position in the plant file; the drawing follows the file.");
        }
        else
        {
            var y = 0.0;
            foreach (var area in plant.Areas)
            {
                var areaTop = y;
                var areaLeft = 0.0;
                var innerLeft = areaLeft + options.AreaPadding;
                var lineTop = areaTop + options.AreaPadding;
                var areaRight = innerLeft;
                foreach (var line in area.Lines)
                {
                    var frame = PlaceLine(area, line, innerLeft, lineTop, options, nodes, backEdges, notes);
                    lineFrames.Add(frame);
                    areaRight = Math.Max(areaRight, frame.X + frame.Width);
                    lineTop = frame.Y + frame.Height + options.LineGap;
                }

                var areaBottom = area.Lines.Count == 0 ? areaTop + (2 * options.AreaPadding) : lineTop - options.LineGap + (options.AreaPadding / 2);
                areaFrames.Add(new LayoutFrame(area.Id.Value, area.Name, areaLeft, areaTop, areaRight - areaLeft + (options.AreaPadding / 2), areaBottom - areaTop));
                y = areaBottom + options.LineGap;
            }
        }

        var ordered = plant.Elements().Select(e => nodes[e.Id]).ToImmutableArray();
        var frameOfLine = lineFrames.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var edges = ImmutableArray.CreateBuilder<LayoutEdge>();
        foreach (var e in plant.Elements())
        {
            var from = nodes[e.Id];
            foreach (var r in e.Next)
            {
                if (nodes.TryGetValue(r.To, out var to))
                {
                    var kind = from.Line != to.Line ? LayoutEdgeKind.Transfer
                        : IsBackward(from, to, backEdges) ? LayoutEdgeKind.Rework
                        : LayoutEdgeKind.Flow;
                    edges.Add(LayoutEdgeRouter.Route(from, to, kind, frameOfLine, options));
                }
            }

            if ((e is Station { Rework: { } rework } ? rework.To : (e as Station)?.Oven?.CureRework) is { } reworkTo && nodes.TryGetValue(reworkTo, out var target))
            {
                var kind = from.Line != target.Line ? LayoutEdgeKind.Transfer : LayoutEdgeKind.Rework;
                edges.Add(LayoutEdgeRouter.Route(from, target, kind, frameOfLine, options));
            }
        }

        var width = 0.0;
        var height = 0.0;
        foreach (var f in areaFrames.Concat(lineFrames))
        {
            width = Math.Max(width, f.X + f.Width);
            height = Math.Max(height, f.Y + f.Height);
        }

        foreach (var n in ordered)
        {
            width = Math.Max(width, n.X + n.Width);
            height = Math.Max(height, n.Y + n.Height);
        }

        return new PlantLayout(ordered, edges.ToImmutable(), lineFrames.ToImmutable(), areaFrames.ToImmutable(), width, height, notes.ToImmutable());
    }

    private static bool IsBackward(LayoutNode from, LayoutNode to, HashSet<(AssetId, AssetId)> backEdges) =>
        backEdges.Contains((from.Id, to.Id)) || (from.FromFile && to.FromFile && to.X + to.Width <= from.X);

    private static LayoutNodeKind KindOf(FlowElement e) => e switch
    {
        Source => LayoutNodeKind.Source,
        Station { Kind: StationKind.Oven } => LayoutNodeKind.Oven,
        Station => LayoutNodeKind.Station,
        FactoryTwin.Model.Plants.Buffer => LayoutNodeKind.Buffer,
        Conveyor => LayoutNodeKind.Conveyor,
        _ => LayoutNodeKind.Sink,
    };

    private static LayoutFrame PlaceLine(
        Area area,
        Line line,
        double left,
        double top,
        PlantLayoutOptions o,
        Dictionary<AssetId, LayoutNode> nodes,
        HashSet<(AssetId, AssetId)> backEdges,
        ImmutableArray<string>.Builder notes)
    {
        var elements = line.Elements().ToList();
        var withFile = elements.Count(e => e.Layout is not null);
        if (elements.Count > 0 && withFile == elements.Count)
        {
            return PlaceLineFromFile(area, line, elements, left, top, o, nodes);
        }

        if (withFile > 0)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Line '{line.Id}': {withFile} of {elements.Count} elements have a layout position; give all or none. The line is laid out automatically."));
        }

        var columns = Columns(elements, backEdges);
        var rows = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        var bandHeight = Math.Max(0, (rows * (o.NodeHeight + o.RowGap)) - o.RowGap);
        for (var layer = 0; layer < columns.Count; layer++)
        {
            var column = columns[layer];
            var offset = (rows - column.Count) * (o.NodeHeight + o.RowGap) / 2;
            for (var row = 0; row < column.Count; row++)
            {
                var e = column[row];
                nodes[e.Id] = new LayoutNode(
                    e.Id,
                    e.Name,
                    KindOf(e),
                    line.Id,
                    area.Id,
                    left + o.LinePadding + (layer * (o.NodeWidth + o.ColumnGap)),
                    top + o.LinePadding + offset + (row * (o.NodeHeight + o.RowGap)),
                    o.NodeWidth,
                    o.NodeHeight,
                    layer,
                    FromFile: false);
            }
        }

        var width = Math.Max(o.NodeWidth, (columns.Count * (o.NodeWidth + o.ColumnGap)) - o.ColumnGap) + (2 * o.LinePadding);

        // The bottom padding also holds the lane of rework loops.
        var height = bandHeight + (2 * o.LinePadding);
        return new LayoutFrame(line.Id.Value, line.Name, left, top, width, height);
    }

    private static LayoutFrame PlaceLineFromFile(
        Area area, Line line, List<FlowElement> elements, double left, double top, PlantLayoutOptions o, Dictionary<AssetId, LayoutNode> nodes)
    {
        var minX = elements.Min(e => e.Layout!.Value.X);
        var minY = elements.Min(e => e.Layout!.Value.Y);
        var right = left;
        var bottom = top;
        foreach (var e in elements)
        {
            var p = e.Layout!.Value;
            var x = left + o.LinePadding + ((p.X - minX) * o.FileScale);
            var y = top + o.LinePadding + ((p.Y - minY) * o.FileScale);
            nodes[e.Id] = new LayoutNode(e.Id, e.Name, KindOf(e), line.Id, area.Id, x, y, o.NodeWidth, o.NodeHeight, -1, FromFile: true);
            right = Math.Max(right, x + o.NodeWidth);
            bottom = Math.Max(bottom, y + o.NodeHeight);
        }

        return new LayoutFrame(line.Id.Value, line.Name, left, top, right - left + o.LinePadding, bottom - top + o.LinePadding);
    }

    private static void PlaceFromFile(
        PlantModel plant,
        PlantLayoutOptions o,
        Dictionary<AssetId, LayoutNode> nodes,
        ImmutableArray<LayoutFrame>.Builder lineFrames,
        ImmutableArray<LayoutFrame>.Builder areaFrames)
    {
        var minX = plant.Elements().Min(e => e.Layout!.Value.X);
        var minY = plant.Elements().Min(e => e.Layout!.Value.Y);
        var margin = o.AreaPadding + o.LinePadding;
        foreach (var area in plant.Areas)
        {
            var aBox = Box.Empty;
            foreach (var line in area.Lines)
            {
                var lBox = Box.Empty;
                foreach (var e in line.Elements())
                {
                    var p = e.Layout!.Value;
                    var x = margin + ((p.X - minX) * o.FileScale);
                    var y = margin + ((p.Y - minY) * o.FileScale);
                    nodes[e.Id] = new LayoutNode(e.Id, e.Name, KindOf(e), line.Id, area.Id, x, y, o.NodeWidth, o.NodeHeight, -1, FromFile: true);
                    lBox = lBox.Include(x, y, o.NodeWidth, o.NodeHeight);
                }

                if (!lBox.IsEmpty)
                {
                    lBox = lBox.Grow(o.LinePadding);
                    lineFrames.Add(new LayoutFrame(line.Id.Value, line.Name, lBox.Left, lBox.Top, lBox.Width, lBox.Height));
                    aBox = aBox.Include(lBox.Left, lBox.Top, lBox.Width, lBox.Height);
                }
            }

            if (!aBox.IsEmpty)
            {
                aBox = aBox.Grow(o.AreaPadding / 2);
                areaFrames.Add(new LayoutFrame(area.Id.Value, area.Name, aBox.Left, aBox.Top, aBox.Width, aBox.Height));
            }
        }
    }

    /// <summary>
    /// Splits a line's elements into ordered columns over the edges inside the line, in file order: the routes, then
    /// the rework loop (a rework target is placed after the station that sends parts to it; the search decides which
    /// edge of the loop goes back). Sources are where the search starts. Records the edges set aside as back edges.
    /// </summary>
    private static List<List<FlowElement>> Columns(List<FlowElement> elements, HashSet<(AssetId, AssetId)> backEdges)
    {
        var index = new Dictionary<AssetId, int>();
        for (var i = 0; i < elements.Count; i++)
        {
            index[elements[i].Id] = i;
        }

        var succ = elements.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < elements.Count; i++)
        {
            foreach (var r in elements[i].Next)
            {
                if (index.TryGetValue(r.To, out var j) && !succ[i].Contains(j))
                {
                    succ[i].Add(j);
                }
            }

            if ((elements[i] is Station { Rework: { } rework } ? rework.To : (elements[i] as Station)?.Oven?.CureRework) is { } reworkTo
                && index.TryGetValue(reworkTo, out var k) && !succ[i].Contains(k))
            {
                succ[i].Add(k);
            }
        }

        var back = new HashSet<(int From, int To)>();
        var columns = LayeredLayout.Columns(succ, [.. elements.Select(e => e is Source)], back);
        foreach (var (from, to) in back)
        {
            backEdges.Add((elements[from].Id, elements[to].Id));
        }

        return columns.Select(c => c.Select(i => elements[i]).ToList()).ToList();
    }

    private readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public static Box Empty => new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);

        public bool IsEmpty => Left > Right;

        public double Width => Right - Left;

        public double Height => Bottom - Top;

        public Box Include(double x, double y, double w, double h) =>
            new(Math.Min(Left, x), Math.Min(Top, y), Math.Max(Right, x + w), Math.Max(Bottom, y + h));

        public Box Grow(double by) => new(Left - by, Top - by, Right + by, Bottom + by);
    }
}
