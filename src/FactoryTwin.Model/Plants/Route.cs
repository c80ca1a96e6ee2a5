using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>One way out of a flow element.</summary>
/// <param name="To">The next element.</param>
/// <param name="Variants">The variants that take this route; empty for all.</param>
/// <param name="Fraction">The share of parts that take this route when splitting by fraction.</param>
public sealed record Route(AssetId To, ValueList<VariantId> Variants, double? Fraction)
{
    /// <summary>Creates a plain route to <paramref name="to"/>.</summary>
    /// <param name="to">The next element.</param>
    /// <returns>The route.</returns>
    public static Route Plain(AssetId to) => new(to, ValueList<VariantId>.Empty, null);
}
