using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Layout;

/// <summary>
/// Lays a plant out for drawing. Lines are stacked top to bottom in file order, framed by their areas. Inside a line,
/// elements are placed in columns by the layered (Sugiyama) method: rework loops and other back edges are set aside,
/// each element goes one column right of its furthest predecessor (longest-path layering), and the order within a
/// column is improved by barycentre sweeps that keep the order with the fewest crossings. A line whose every element
/// has a <c>layout</c> position in the plant file is drawn from those positions instead; when every element of the
/// plant has one, the whole plant is drawn to the file's coordinates.
/// </summary>
public static class PlantLayoutBuilder
{
    private const int Sweeps = 8;

    /// <summary>Lays out <paramref name="plant"/>.</summary>
    /// <param name="plant">The plant.</param>
    /// <param name="options">Sizes; defaults when <see langword="null"/>.</param>
    /// <returns>The drawing.</returns>
    public static PlantLayout Build(PlantModel plant, PlantLayoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        options ??= new PlantLayoutOptions();

        var lineOf = new Dictionary<AssetId, (Line Line, Area Area)>();
        foreach (var area in plant.Areas)
        {
            foreach (var line in area.Lines)
            {
                foreach (var e in line.Elements())
                {
                    lineOf[e.Id] = (line, area);
                }
            }
        }

        var allFromFile = lineOf.Count > 0 && plant.Elements().All(e => e.Layout is not null);
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
                    edges.Add(Route(from, to, kind, frameOfLine, options));
                }
            }

            if (e is Station { Rework: { } rework } && nodes.TryGetValue(rework.To, out var target))
            {
                var kind = from.Line != target.Line ? LayoutEdgeKind.Transfer : LayoutEdgeKind.Rework;
                edges.Add(Route(from, target, kind, frameOfLine, options));
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
        Plants.Buffer => LayoutNodeKind.Buffer,
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

    /// <summary>Splits a line's elements into ordered columns; records the edges set aside as back edges.</summary>
    private static List<List<FlowElement>> Columns(List<FlowElement> elements, HashSet<(AssetId, AssetId)> backEdges)
    {
        var index = new Dictionary<AssetId, int>();
        for (var i = 0; i < elements.Count; i++)
        {
            index[elements[i].Id] = i;
        }

        // Edges inside the line, in file order: the routes, then the rework loop.
        var succ = elements.Select(_ => new List<int>()).ToArray();
        var indegree = new int[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            foreach (var r in elements[i].Next)
            {
                if (index.TryGetValue(r.To, out var j) && !succ[i].Contains(j))
                {
                    succ[i].Add(j);
                    indegree[j]++;
                }
            }

            // A rework target is placed after the station that sends parts to it; the depth-first search below
            // decides which edge of the loop goes back.
            if (elements[i] is Station { Rework: { } rework } && index.TryGetValue(rework.To, out var k) && !succ[i].Contains(k))
            {
                succ[i].Add(k);
                indegree[k]++;
            }
        }

        // Depth-first search from the entry elements (sources first, then anything without a predecessor, then the
        // rest) finds the back edges of cycles; the pre-order is the initial order within each column.
        var state = new byte[elements.Count];
        var preorder = new List<int>(elements.Count);
        var starts = Enumerable.Range(0, elements.Count)
            .OrderBy(i => elements[i] is Source ? 0 : indegree[i] == 0 ? 1 : 2)
            .ThenBy(i => i)
            .ToList();
        foreach (var s in starts)
        {
            if (state[s] == 0)
            {
                Visit(s, succ, state, preorder, elements, backEdges);
            }
        }

        var layer = new int[elements.Count];
        var order = TopologicalOrder(elements, succ, backEdges);
        foreach (var u in order)
        {
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((elements[u].Id, elements[v].Id)))
                {
                    layer[v] = Math.Max(layer[v], layer[u] + 1);
                }
            }
        }

        var layerCount = elements.Count == 0 ? 0 : layer.Max() + 1;
        var rank = new int[elements.Count];
        for (var k = 0; k < preorder.Count; k++)
        {
            rank[preorder[k]] = k;
        }

        var columns = Enumerable.Range(0, layerCount)
            .Select(l => Enumerable.Range(0, elements.Count).Where(i => layer[i] == l).OrderBy(i => rank[i]).ToList())
            .ToList();
        Reorder(columns, succ, layer, elements, backEdges);
        return columns.Select(c => c.Select(i => elements[i]).ToList()).ToList();
    }

    private static void Visit(int u, List<int>[] succ, byte[] state, List<int> preorder, List<FlowElement> elements, HashSet<(AssetId, AssetId)> backEdges)
    {
        // Iterative depth-first search: 1 = on the stack, 2 = done.
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((u, 0));
        state[u] = 1;
        preorder.Add(u);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < succ[node].Count)
            {
                stack.Push((node, next + 1));
                var v = succ[node][next];
                if (backEdges.Contains((elements[node].Id, elements[v].Id)))
                {
                    continue;
                }

                if (state[v] == 1)
                {
                    backEdges.Add((elements[node].Id, elements[v].Id));
                }
                else if (state[v] == 0)
                {
                    state[v] = 1;
                    preorder.Add(v);
                    stack.Push((v, 0));
                }
            }
            else
            {
                state[node] = 2;
            }
        }
    }

    private static List<int> TopologicalOrder(List<FlowElement> elements, List<int>[] succ, HashSet<(AssetId, AssetId)> backEdges)
    {
        var indegree = new int[elements.Count];
        for (var u = 0; u < elements.Count; u++)
        {
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((elements[u].Id, elements[v].Id)))
                {
                    indegree[v]++;
                }
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, elements.Count).Where(i => indegree[i] == 0));
        var order = new List<int>(elements.Count);
        while (ready.Count > 0)
        {
            var u = ready.Dequeue();
            order.Add(u);
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((elements[u].Id, elements[v].Id)) && --indegree[v] == 0)
                {
                    ready.Enqueue(v);
                }
            }
        }

        return order;
    }

    /// <summary>Barycentre sweeps down and up the columns; keeps the ordering with the fewest crossings.</summary>
    private static void Reorder(List<List<int>> columns, List<int>[] succ, int[] layer, List<FlowElement> elements, HashSet<(AssetId, AssetId)> backEdges)
    {
        var pred = succ.Select(_ => new List<int>()).ToArray();
        var forward = succ.Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < succ.Length; u++)
        {
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((elements[u].Id, elements[v].Id)) && layer[v] == layer[u] + 1)
                {
                    pred[v].Add(u);
                    forward[u].Add(v);
                }
            }
        }

        var best = columns.Select(c => c.ToList()).ToList();
        var bestCrossings = Crossings(columns, forward);
        for (var sweep = 0; sweep < Sweeps && bestCrossings > 0; sweep++)
        {
            var down = sweep % 2 == 0;
            if (down)
            {
                for (var l = 1; l < columns.Count; l++)
                {
                    SortByBarycentre(columns[l], columns[l - 1], pred);
                }
            }
            else
            {
                for (var l = columns.Count - 2; l >= 0; l--)
                {
                    SortByBarycentre(columns[l], columns[l + 1], forward);
                }
            }

            var crossings = Crossings(columns, forward);
            if (crossings < bestCrossings)
            {
                bestCrossings = crossings;
                best = columns.Select(c => c.ToList()).ToList();
            }
        }

        for (var l = 0; l < columns.Count; l++)
        {
            columns[l] = best[l];
        }
    }

    private static void SortByBarycentre(List<int> column, List<int> fixedColumn, List<int>[] neighbours)
    {
        var position = new Dictionary<int, int>();
        for (var i = 0; i < fixedColumn.Count; i++)
        {
            position[fixedColumn[i]] = i;
        }

        var keyed = column.Select((node, i) =>
        {
            var ps = neighbours[node].Where(position.ContainsKey).Select(n => (double)position[n]).ToList();
            return (Node: node, Key: ps.Count == 0 ? i : ps.Average(), Tie: i);
        }).OrderBy(t => t.Key).ThenBy(t => t.Tie).Select(t => t.Node).ToList();
        column.Clear();
        column.AddRange(keyed);
    }

    private static int Crossings(List<List<int>> columns, List<int>[] forward)
    {
        var total = 0;
        for (var l = 0; l + 1 < columns.Count; l++)
        {
            var next = new Dictionary<int, int>();
            for (var i = 0; i < columns[l + 1].Count; i++)
            {
                next[columns[l + 1][i]] = i;
            }

            var segments = new List<(int A, int B)>();
            for (var i = 0; i < columns[l].Count; i++)
            {
                foreach (var v in forward[columns[l][i]])
                {
                    if (next.TryGetValue(v, out var j))
                    {
                        segments.Add((i, j));
                    }
                }
            }

            for (var a = 0; a < segments.Count; a++)
            {
                for (var b = a + 1; b < segments.Count; b++)
                {
                    if ((segments[a].A - segments[b].A) * (segments[a].B - segments[b].B) < 0)
                    {
                        total++;
                    }
                }
            }
        }

        return total;
    }

    private static LayoutEdge Route(LayoutNode from, LayoutNode to, LayoutEdgeKind kind, Dictionary<string, LayoutFrame> frames, PlantLayoutOptions o)
    {
        ImmutableArray<LayoutPoint> points;
        switch (kind)
        {
            case LayoutEdgeKind.Rework:
            {
                // Below the elements, along the bottom padding of the line frame.
                var lane = frames.TryGetValue(from.Line.Value, out var f)
                    ? f.Y + f.Height - (o.LinePadding / 2)
                    : Math.Max(from.Y + from.Height, to.Y + to.Height) + (o.RowGap / 2);
                points = [
                    new(from.Centre.X, from.Y + from.Height), new(from.Centre.X, lane),
                    new(to.Centre.X, lane), new(to.Centre.X, to.Y + to.Height)];
                break;
            }

            case LayoutEdgeKind.Transfer when !(to.X >= from.X + from.Width):
            {
                // Into another line that starts further left: leave downwards (or upwards), cross in the gap between
                // the two line frames, and enter from above (or below).
                var down = to.Y > from.Y;
                var gap = frames.TryGetValue(from.Line.Value, out var ff) && frames.TryGetValue(to.Line.Value, out var tf)
                    ? (down ? (ff.Y + ff.Height + tf.Y) / 2 : (tf.Y + tf.Height + ff.Y) / 2)
                    : (from.Centre.Y + to.Centre.Y) / 2;
                var fromY = down ? from.Y + from.Height : from.Y;
                var toY = down ? to.Y : to.Y + to.Height;
                points = [new(from.Centre.X, fromY), new(from.Centre.X, gap), new(to.Centre.X, gap), new(to.Centre.X, toY)];
                break;
            }

            default:
            {
                var start = new LayoutPoint(from.X + from.Width, from.Centre.Y);
                var end = new LayoutPoint(to.X, to.Centre.Y);
                if (Math.Abs(start.Y - end.Y) < 1e-9)
                {
                    points = [start, end];
                }
                else
                {
                    var mid = (start.X + end.X) / 2;
                    points = [start, new(mid, start.Y), new(mid, end.Y), end];
                }

                break;
            }
        }

        return new LayoutEdge(from.Id, to.Id, kind, points);
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
