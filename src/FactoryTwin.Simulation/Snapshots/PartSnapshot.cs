namespace FactoryTwin.Simulation.Snapshots;

/// <summary>A part in a snapshot.</summary>
/// <param name="Variant">Variant id (index into the source's variant mix).</param>
/// <param name="Colour">Colour id (index into the source's colour mix).</param>
/// <param name="EntryTime">Time the part entered the line, in simulation seconds (for lead times).</param>
/// <param name="Reworks">How often it has been sent to rework.</param>
public sealed record PartSnapshot(int Variant, int Colour, double EntryTime, int Reworks = 0);
