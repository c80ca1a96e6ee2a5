using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>An element that parts flow through: a source, station, buffer, conveyor or sink.</summary>
public abstract record FlowElement
{
    /// <summary>Gets the element's id, unique across the plant.</summary>
    public required AssetId Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets where parts go next; empty for a sink.</summary>
    public ValueList<Route> Next { get; init; } = ValueList<Route>.Empty;

    /// <summary>Gets the position on the layout drawing, when the file gives one.</summary>
    public LayoutPoint? Layout { get; init; }

    /// <summary>Gets how parts are split over <see cref="Next"/>.</summary>
    public SplitRule Split => RouteRules.SplitOf(Next);
}
