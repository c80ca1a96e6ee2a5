using System.Collections.Immutable;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Layout;

/// <summary>
/// Routes the edges of a plant layout between placed nodes: flow edges leave a node's right side and enter the next
/// node's left side (with one vertical jog when the rows differ), rework loops run along the bottom padding of their
/// line frame, and transfers into a line that starts further left cross in the gap between the two line frames.
/// </summary>
internal static class LayoutEdgeRouter
{
    /// <summary>Draws an edge between two placed nodes as a polyline.</summary>
    /// <param name="from">The node the edge leaves.</param>
    /// <param name="to">The node the edge enters.</param>
    /// <param name="kind">The kind of edge: flow left to right, a rework loop below the line, a transfer to another line.</param>
    /// <param name="frames">The line frames by line id (the lanes of rework loops and the gaps transfers cross).</param>
    /// <param name="o">Sizes.</param>
    /// <returns>The edge.</returns>
    public static LayoutEdge Route(LayoutNode from, LayoutNode to, LayoutEdgeKind kind, Dictionary<string, LayoutFrame> frames, PlantLayoutOptions o)
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
}
