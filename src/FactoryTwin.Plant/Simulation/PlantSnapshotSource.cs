using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Simulation;

/// <summary>A source (body release) in a <see cref="PlantSnapshot"/>.</summary>
public sealed record PlantSnapshotSource
{
    /// <summary>Gets the source's asset id.</summary>
    public required AssetId Source { get; init; }

    /// <summary>Gets the part released but not yet taken by the first element (the source is held up), or <see langword="null"/>.</summary>
    public PlantSnapshotPart? HeldPart { get; init; }

    /// <summary>Gets the time until the next release, or <see langword="null"/> when unknown (drawn afresh).</summary>
    public TimeSpan? NextReleaseIn { get; init; }
}
