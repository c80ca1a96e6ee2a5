using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Snapshots;

/// <summary>A part in a snapshot.</summary>
/// <param name="Attributes">
/// The part's attribute values (<see cref="Modeling.PartAttributes"/>; each an index into its source's mix of that
/// attribute), the variant first; attributes past the end are 0.
/// </param>
/// <param name="EntryTime">Time the part entered the line, in simulation seconds (for lead times).</param>
/// <param name="Reworks">How often it has been sent to rework.</param>
public sealed record PartSnapshot(ImmutableArray<int> Attributes, double EntryTime, int Reworks = 0)
{
    /// <summary>Gets the variant (attribute <see cref="Modeling.PartAttributes.Variant"/>), 0 when no attribute is given.</summary>
    public int Variant => Attribute(Modeling.PartAttributes.Variant);

    /// <summary>Returns an attribute's value.</summary>
    /// <param name="attribute">The attribute index.</param>
    /// <returns>Its value; 0 past the end of <see cref="Attributes"/>.</returns>
    public int Attribute(int attribute) => attribute < Attributes.Length ? Attributes[attribute] : 0;
}
