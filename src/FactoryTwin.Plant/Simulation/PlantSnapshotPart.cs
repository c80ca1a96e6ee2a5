using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Simulation;

/// <summary>A part (a car body) in a <see cref="PlantSnapshot"/>.</summary>
public sealed record PlantSnapshotPart
{
    /// <summary>Gets the body id, or <see langword="null"/> when the plant does not track it (informative only).</summary>
    public string? BodyId { get; init; }

    /// <summary>Gets the product variant; <see langword="null"/> for the plant's first variant.</summary>
    public VariantId? Variant { get; init; }

    /// <summary>Gets the colour; <see langword="null"/> for the plant's first colour.</summary>
    public ColourId? Colour { get; init; }

    /// <summary>Gets when the part entered the plant, or <see langword="null"/> when unknown (taken as the snapshot instant; lead times only).</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>Gets how often the part has been sent to rework so far.</summary>
    /// <value>The default value is 0.</value>
    public int Reworks { get; init; }
}
