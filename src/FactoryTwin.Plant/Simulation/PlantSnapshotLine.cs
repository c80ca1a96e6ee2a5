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

    /// <summary>
    /// Gets the start of the period <see cref="Good"/> and <see cref="Scrap"/> count, or <see langword="null"/> when they
    /// count the shift the snapshot belongs to. Counts that began before the start of the shift a forecast covers (the
    /// last shift's output seen off shift, or a shift change not yet seen by the counter) are that earlier shift's and
    /// are not carried into the forecast.
    /// </summary>
    public DateTimeOffset? CountedSince { get; init; }
}
