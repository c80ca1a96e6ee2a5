using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Snapshots;

/// <summary>The state of one element in a snapshot, matched to the model by name.</summary>
public sealed record ElementSnapshot
{
    /// <summary>Gets the element name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the machines of a station, in server order (missing ones start empty and up).</summary>
    public ImmutableArray<MachineSnapshot> Machines { get; init; } = [];

    /// <summary>Gets the parts in a buffer or on a conveyor, first to leave first.</summary>
    public ImmutableArray<StoredPartSnapshot> Parts { get; init; } = [];

    /// <summary>Gets the part waiting at a source (not yet in the line), or <see langword="null"/>.</summary>
    public PartSnapshot? HeldPart { get; init; }

    /// <summary>Gets the seconds until a paced source's next release, or NaN when unknown (drawn afresh).</summary>
    public double NextArrivalIn { get; init; } = double.NaN;

    /// <summary>Gets how many parts a source has created so far (counts towards its part limit).</summary>
    public long PartsCreated { get; init; }
}
