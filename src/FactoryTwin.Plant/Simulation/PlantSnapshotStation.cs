using System.Collections.Immutable;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Simulation;

/// <summary>One station (or oven) in a <see cref="PlantSnapshot"/>.</summary>
public sealed record PlantSnapshotStation
{
    /// <summary>Gets the station's asset id.</summary>
    public required AssetId Station { get; init; }

    /// <summary>
    /// Gets its servers (an oven: one per body position), in server order. Servers beyond the list start empty and up;
    /// the list may not be longer than the station's capacity.
    /// </summary>
    public ImmutableArray<PlantSnapshotServer> Servers { get; init; } = [];

    /// <summary>
    /// Gets the parts waiting for rework in front of this station (sent back by an inspection), first to be taken
    /// first. Empty for a station that is no rework target.
    /// </summary>
    public ImmutableArray<PlantSnapshotPart> ReworkQueue { get; init; } = [];
}
