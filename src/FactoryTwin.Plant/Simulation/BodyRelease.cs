using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>What an <see cref="IBodyReleasePlan"/> decided for a source's next body.</summary>
public readonly record struct BodyRelease
{
    private BodyRelease(ReleaseDecisionKind kind, VariantId variant, ColourId colour, string? order, double retryAt)
    {
        Kind = kind;
        Variant = variant;
        Colour = colour;
        Order = order;
        RetryAt = retryAt;
    }

    /// <summary>Gets a decision to draw the body from the plant's random mix.</summary>
    public static BodyRelease Mix { get; } = new(ReleaseDecisionKind.Mix, default, default, null, double.NaN);

    /// <summary>Gets what was decided.</summary>
    public ReleaseDecisionKind Kind { get; }

    /// <summary>Gets the variant of the body to release (<see cref="ReleaseDecisionKind.Release"/> only).</summary>
    public VariantId Variant { get; }

    /// <summary>Gets the colour of the body to release; default when the plant has no colours.</summary>
    public ColourId Colour { get; }

    /// <summary>Gets the order the body is released for, carried on its trace events (<see cref="PlantTraceEvent.Order"/>); may be <see langword="null"/>.</summary>
    public string? Order { get; }

    /// <summary>Gets the simulation time to ask again at (<see cref="ReleaseDecisionKind.Wait"/> only).</summary>
    public double RetryAt { get; }

    /// <summary>Creates a decision to release a body of <paramref name="variant"/> in <paramref name="colour"/>.</summary>
    /// <param name="variant">A variant of the plant.</param>
    /// <param name="colour">A colour of the plant, or default when the plant has none.</param>
    /// <param name="order">The order the body is for, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    public static BodyRelease Body(VariantId variant, ColourId colour, string? order = null) =>
        new(ReleaseDecisionKind.Release, variant, colour, order, double.NaN);

    /// <summary>Creates a decision to release nothing before <paramref name="time"/> and ask again then.</summary>
    /// <param name="time">Simulation seconds; finite.</param>
    /// <returns>The decision.</returns>
    public static BodyRelease WaitUntil(double time) =>
        new(ReleaseDecisionKind.Wait, default, default, null, ReleaseDecision.WaitUntil(time).RetryAt);
}
