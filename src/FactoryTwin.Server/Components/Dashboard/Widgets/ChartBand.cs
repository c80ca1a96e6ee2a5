namespace FactoryTwin.Server.Components.Dashboard.Widgets;

/// <summary>A shaded band of a chart between a low and a high line.</summary>
/// <param name="Name">The legend name.</param>
/// <param name="Colour">The fill colour (CSS), drawn translucent.</param>
/// <param name="Low">The lower edge, in x order.</param>
/// <param name="High">The upper edge, at the same x values.</param>
/// <param name="Opacity">The fill opacity, in [0, 1]; the default 0.22 lets lines and grid beneath show through.</param>
public sealed record ChartBand(string Name, string Colour, IReadOnlyList<ChartPoint> Low, IReadOnlyList<ChartPoint> High, double Opacity = 0.22);
