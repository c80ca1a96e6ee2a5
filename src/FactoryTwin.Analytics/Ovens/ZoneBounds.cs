namespace FactoryTwin.Analytics.Ovens;

/// <summary>The range a zone's air-temperature setpoint may take.</summary>
/// <param name="Min">The lowest setpoint, in kelvin.</param>
/// <param name="Max">The highest setpoint, in kelvin.</param>
public sealed record ZoneBounds(double Min, double Max);
