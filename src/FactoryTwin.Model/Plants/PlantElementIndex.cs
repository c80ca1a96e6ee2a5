using System.Collections.Immutable;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>
/// The lookups of a <see cref="PlantModel"/>'s areas, built once per areas list: every flow element and the line that
/// holds it by asset id, every line by line id (the first in file order wins, as a scan would find it). Immutable, so
/// threads may share it.
/// </summary>
internal sealed class PlantElementIndex
{
    private readonly Dictionary<AssetId, (FlowElement Element, Line Line)> _elements = [];
    private readonly Dictionary<LineId, Line> _lines = [];

    public PlantElementIndex(ValueList<Area> areas)
    {
        Areas = areas.Items;
        foreach (var area in Areas)
        {
            foreach (var line in area.Lines)
            {
                _lines.TryAdd(line.Id, line);
                foreach (var e in line.Elements())
                {
                    _elements.TryAdd(e.Id, (e, line));
                }
            }
        }
    }

    /// <summary>Gets the areas the index was built from: a model whose areas are another list rebuilds it.</summary>
    public ImmutableArray<Area> Areas { get; }

    public FlowElement? FindElement(AssetId id) => _elements.TryGetValue(id, out var e) ? e.Element : null;

    public Line? LineOf(AssetId id) => _elements.TryGetValue(id, out var e) ? e.Line : null;

    public Line? FindLine(LineId id) => _lines.GetValueOrDefault(id);

    /// <summary>
    /// Holds a model's index without taking part in the model's value equality (a record compares every field): a model
    /// that has built its index equals one that has not.
    /// </summary>
    /// <param name="Value">The index, or <see langword="null"/> before the first lookup.</param>
    internal readonly record struct Slot(PlantElementIndex? Value)
    {
        public bool Equals(Slot other) => true;

        public override int GetHashCode() => 0;
    }
}
