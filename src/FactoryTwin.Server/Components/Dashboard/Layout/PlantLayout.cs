using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Layout;

/// <summary>
/// A 2-D drawing of a plant: every flow element as a box, every route as a polyline, and a frame around each line
/// and area. Coordinates are drawing units with x to the right and y down; the origin is the top-left corner.
/// Built by <see cref="PlantLayoutBuilder"/>.
/// </summary>
/// <param name="Nodes">The elements, in plant order.</param>
/// <param name="Edges">The routes and rework loops.</param>
/// <param name="Lines">The frame of each line.</param>
/// <param name="Areas">The frame of each area.</param>
/// <param name="Width">The width of the whole drawing.</param>
/// <param name="Height">The height of the whole drawing.</param>
/// <param name="Notes">Remarks on how the layout was made, e.g. a line whose file coordinates were incomplete.</param>
public sealed record PlantLayout(
    ImmutableArray<LayoutNode> Nodes,
    ImmutableArray<LayoutEdge> Edges,
    ImmutableArray<LayoutFrame> Lines,
    ImmutableArray<LayoutFrame> Areas,
    double Width,
    double Height,
    ImmutableArray<string> Notes)
{
    /// <summary>Finds the node of an element.</summary>
    /// <param name="id">The element id.</param>
    /// <returns>The node, or <see langword="null"/> when the plant has no such element.</returns>
    public LayoutNode? Node(AssetId id)
    {
        foreach (var n in Nodes)
        {
            if (n.Id == id)
            {
                return n;
            }
        }

        return null;
    }
}

/// <summary>What a layout node stands for.</summary>
public enum LayoutNodeKind
{
    /// <summary>A source releasing parts.</summary>
    Source,

    /// <summary>A workstation.</summary>
    Station,

    /// <summary>An oven (a station of kind oven).</summary>
    Oven,

    /// <summary>A buffer.</summary>
    Buffer,

    /// <summary>A conveyor.</summary>
    Conveyor,

    /// <summary>A sink.</summary>
    Sink,
}

/// <summary>One flow element on the drawing; (<see cref="X"/>, <see cref="Y"/>) is its top-left corner.</summary>
/// <param name="Id">The element id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">What the element is.</param>
/// <param name="Line">The line it belongs to.</param>
/// <param name="Area">The area it belongs to.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Layer">The column of the element within its line (0 = where parts enter); -1 when placed from the file.</param>
/// <param name="FromFile">Whether the position comes from the plant file's <c>layout</c>.</param>
public sealed record LayoutNode(
    AssetId Id,
    string Name,
    LayoutNodeKind Kind,
    LineId Line,
    AreaId Area,
    double X,
    double Y,
    double Width,
    double Height,
    int Layer,
    bool FromFile)
{
    /// <summary>Gets the centre of the box.</summary>
    public LayoutPoint Centre => new(X + (Width / 2), Y + (Height / 2));
}

/// <summary>A route between two elements drawn as a polyline from the source box's edge to the target box's edge.</summary>
/// <param name="From">The element parts leave.</param>
/// <param name="To">The element parts enter.</param>
/// <param name="Kind">Whether it is a forward route, a rework loop or a route to another line.</param>
/// <param name="Points">The polyline, at least two points.</param>
public sealed record LayoutEdge(AssetId From, AssetId To, LayoutEdgeKind Kind, ImmutableArray<LayoutPoint> Points);

/// <summary>The kind of a drawn route.</summary>
public enum LayoutEdgeKind
{
    /// <summary>A route to the next element of the same line.</summary>
    Flow,

    /// <summary>A rework loop, or any route that goes back against the flow.</summary>
    Rework,

    /// <summary>A route into another line.</summary>
    Transfer,
}

/// <summary>The frame drawn around a line or an area.</summary>
/// <param name="Id">The line or area id.</param>
/// <param name="Name">The display name.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record LayoutFrame(string Id, string Name, double X, double Y, double Width, double Height);

/// <summary>Sizes used by <see cref="PlantLayoutBuilder"/>, in drawing units.</summary>
public sealed record PlantLayoutOptions
{
    /// <summary>Gets the width of an element box.</summary>
    public double NodeWidth { get; init; } = 120;

    /// <summary>Gets the height of an element box.</summary>
    public double NodeHeight { get; init; } = 48;

    /// <summary>Gets the horizontal gap between columns.</summary>
    public double ColumnGap { get; init; } = 48;

    /// <summary>Gets the vertical gap between elements of one column.</summary>
    public double RowGap { get; init; } = 24;

    /// <summary>Gets the padding inside a line frame (the top padding also holds the line's title).</summary>
    public double LinePadding { get; init; } = 28;

    /// <summary>Gets the vertical gap between lines and between areas.</summary>
    public double LineGap { get; init; } = 24;

    /// <summary>Gets the padding inside an area frame (the top padding also holds the area's title).</summary>
    public double AreaPadding { get; init; } = 32;

    /// <summary>Gets how many drawing units one layout unit of the plant file (a metre) takes.</summary>
    public double FileScale { get; init; } = 10;
}
