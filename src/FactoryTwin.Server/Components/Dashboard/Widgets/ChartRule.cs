namespace FactoryTwin.Server.Components.Dashboard.Widgets;

/// <summary>A labelled reference line across a chart.</summary>
/// <param name="Vertical">Whether it is vertical (at an x value) rather than horizontal (at a y value).</param>
/// <param name="Value">Where it is.</param>
/// <param name="Label">Its label.</param>
/// <param name="Colour">Its colour (CSS).</param>
public sealed record ChartRule(bool Vertical, double Value, string Label, string Colour);
