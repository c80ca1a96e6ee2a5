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

    /// <summary>
    /// Gets the relative weights of each part attribute's values (<see cref="PartAttributes"/>): [attribute][value].
    /// Attribute 0 is the variant; a part draws its attributes in index order from the source's mix stream (an
    /// attribute with one value draws nothing), and attributes past the end are 0.
    /// </summary>
    /// <value>The default value is one attribute, the variant, with one value.</value>
    public ImmutableArray<ImmutableArray<double>> AttributeMixes { get; init; } = [[1.0]];

    /// <summary>Gets the number of parts after which the source stops, or <see langword="null"/> for no limit.</summary>
    public long? MaxParts { get; init; }
}
