namespace FactoryTwin.Plant.ThermalCases;

/// <summary>A point of a thermal case's domain, in metres from the west, south and bottom faces.</summary>
/// <param name="X">Distance from the west face, in metres.</param>
/// <param name="Y">Distance from the south face, in metres (0 in 1-D).</param>
/// <param name="Z">Distance from the bottom face, in metres (0 in 1-D and 2-D).</param>
public readonly record struct ThermalPoint(double X, double Y, double Z);
