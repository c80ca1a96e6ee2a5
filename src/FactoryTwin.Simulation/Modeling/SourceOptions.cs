using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// A source of parts. Without <see cref="InterArrivalTime"/> it is saturated: a part is always waiting to
/// enter the line. With it, parts are released at random intervals; a released part that cannot enter
/// waits at the source, and the next interval starts only when it has left.
/// </summary>
public sealed record SourceOptions
{
    /// <summary>Gets the time between releases in seconds, or <see langword="null"/> for a saturated source.</summary>
    public Distribution? InterArrivalTime { get; init; }

    /// <summary>Gets the relative weights of the variants (index = variant id).</summary>
    /// <value>The default value is one variant.</value>
    public ImmutableArray<double> VariantMix { get; init; } = [1.0];

    /// <summary>Gets the relative weights of the colours (index = colour id).</summary>
    /// <value>The default value is one colour.</value>
    public ImmutableArray<double> ColourMix { get; init; } = [1.0];

    /// <summary>Gets the number of parts after which the source stops, or <see langword="null"/> for no limit.</summary>
    public long? MaxParts { get; init; }
}
