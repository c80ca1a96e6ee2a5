namespace FactoryTwin.Analytics.Ovens;

/// <summary>The range the conveyor speed may take when it is optimized.</summary>
/// <param name="Min">The lowest speed, in m/s.</param>
/// <param name="Max">The highest speed, in m/s (keep it to speeds the line can use: a faster oven only saves energy per body if the bodies come).</param>
public sealed record SpeedRange(double Min, double Max);
