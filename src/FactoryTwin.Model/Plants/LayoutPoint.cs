namespace FactoryTwin.Model.Plants;

/// <summary>A position on the plant layout drawing, in layout units (metres of floor space by convention).</summary>
/// <param name="X">Distance to the right.</param>
/// <param name="Y">Distance down.</param>
public readonly record struct LayoutPoint(double X, double Y);
