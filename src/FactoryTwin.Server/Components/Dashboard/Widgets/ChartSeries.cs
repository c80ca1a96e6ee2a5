namespace FactoryTwin.Server.Components.Dashboard.Widgets;

/// <summary>A line of a chart.</summary>
/// <param name="Name">The legend name.</param>
/// <param name="Colour">The stroke colour (CSS).</param>
/// <param name="Points">The points, in x order.</param>
/// <param name="Dash">An SVG dash array, or <see langword="null"/> for a solid line.</param>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<ChartPoint> Points, string? Dash = null);
