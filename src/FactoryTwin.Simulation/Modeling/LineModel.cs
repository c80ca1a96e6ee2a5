using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>An immutable, validated line built by <see cref="LineBuilder"/>; safe to share between threads.</summary>
public sealed class LineModel
{
    internal LineModel(ElementDefinition[] elements, ShiftCalendar[] calendars, int machineCount, ImmutableArray<int> attributeValueCounts)
    {
        Elements = elements;
        Calendars = calendars;
        MachineCount = machineCount;
        AttributeValueCounts = attributeValueCounts;
        var names = ImmutableArray.CreateBuilder<string>(elements.Length);
        var stations = ImmutableArray.CreateBuilder<int>();
        var stores = ImmutableArray.CreateBuilder<int>();
        foreach (var e in elements)
        {
            names.Add(e.Name);
            if (e.Kind == ElementKind.Station)
            {
                stations.Add(e.Index);
            }
            else if (e.Kind is ElementKind.Buffer or ElementKind.Conveyor)
            {
                stores.Add(e.Index);
            }
        }

        ElementNames = names.MoveToImmutable();
        StationIndices = stations.ToImmutable();
        StoreIndices = stores.ToImmutable();
    }

    /// <summary>Gets the element names in builder order (index = <see cref="ElementId.Index"/>).</summary>
    public ImmutableArray<string> ElementNames { get; }

    /// <summary>
    /// Gets, per part attribute (<see cref="PartAttributes"/>), the number of values it takes: the longest mix of that
    /// attribute of any source. Its length is the most attributes any source gives, at least 1.
    /// </summary>
    public ImmutableArray<int> AttributeValueCounts { get; }

    /// <summary>Gets the number of product variants (values of attribute <see cref="PartAttributes.Variant"/>).</summary>
    public int VariantCount => AttributeValueCounts[PartAttributes.Variant];

    internal ElementDefinition[] Elements { get; }

    internal ShiftCalendar[] Calendars { get; }

    internal int MachineCount { get; }

    internal ImmutableArray<int> StationIndices { get; }

    internal ImmutableArray<int> StoreIndices { get; }

    /// <summary>Returns the kind of an element.</summary>
    /// <param name="id">The element.</param>
    /// <returns>Its kind.</returns>
    public ElementKind GetKind(ElementId id) => Elements[id.Index].Kind;

    /// <summary>Finds an element by name.</summary>
    /// <param name="name">The element name (ordinal comparison).</param>
    /// <returns>The element's id.</returns>
    /// <exception cref="KeyNotFoundException">No element has that name.</exception>
    public ElementId Find(string name)
    {
        int i = ElementNames.IndexOf(name, StringComparer.Ordinal);
        return i >= 0 ? new ElementId(i) : throw new KeyNotFoundException($"No element named '{name}'.");
    }
}
