using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Simulation;

/// <summary>A line's output in the current shift up to the instant of a <see cref="PlantSnapshot"/>.</summary>
public sealed record PlantSnapshotLine
{
    /// <summary>Gets the line id.</summary>
    public required LineId Line { get; init; }

    /// <summary>Gets the good parts that left the line (counted at its exit stations) since the shift started.</summary>
    public long Good { get; init; }

    /// <summary>Gets the parts scrapped on the line since the shift started.</summary>
    public long Scrap { get; init; }
}
