using System.Collections.Immutable;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Simulation;

/// <summary>A buffer or conveyor in a <see cref="PlantSnapshot"/> with the parts on it.</summary>
public sealed record PlantSnapshotStore
{
    /// <summary>Gets the buffer's or conveyor's asset id.</summary>
    public required AssetId Store { get; init; }

    /// <summary>Gets the parts, first to leave first; no more than the capacity.</summary>
    public ImmutableArray<PlantSnapshotStoredPart> Parts { get; init; } = [];
}
