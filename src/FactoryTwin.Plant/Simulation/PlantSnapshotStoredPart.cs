namespace FactoryTwin.Plant.Simulation;

/// <summary>A part in a buffer or on a conveyor of a <see cref="PlantSnapshot"/>.</summary>
public sealed record PlantSnapshotStoredPart
{
    /// <summary>Gets the part.</summary>
    public required PlantSnapshotPart Part { get; init; }

    /// <summary>
    /// Gets the time until the part reaches the end of a conveyor (zero when it is there, and in a buffer), or
    /// <see langword="null"/> when unknown: the parts on a conveyor are then taken as evenly spread along it in their
    /// order.
    /// </summary>
    public TimeSpan? RemainingTransit { get; init; }
}
