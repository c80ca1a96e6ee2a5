namespace FactoryTwin.Server.Components.Dashboard.Widgets;

/// <summary>A point of a chart series.</summary>
/// <param name="X">The x value (seconds for time axes).</param>
/// <param name="Y">The y value.</param>
public readonly record struct ChartPoint(double X, double Y);
