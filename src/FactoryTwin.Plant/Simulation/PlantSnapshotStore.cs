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

    /// <summary>
    /// Gets the parts waiting for rework in front of this buffer or conveyor (sent to it by a station's rework or cure
    /// route while it was full), first to be taken first. Empty for a store that is no rework target.
    /// </summary>
    public ImmutableArray<PlantSnapshotPart> ReworkQueue { get; init; } = [];
}
