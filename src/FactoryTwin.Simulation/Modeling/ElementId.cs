namespace FactoryTwin.Simulation.Modeling;

/// <summary>Identifies an element of a line under construction: its index in builder order.</summary>
/// <param name="Index">The 0-based index in the order the elements were added.</param>
public readonly record struct ElementId(int Index);
