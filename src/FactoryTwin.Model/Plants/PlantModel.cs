using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>
/// A whole plant definition, loaded from a <c>factorytwin/v1</c> file and validated. All values are in SI units.
/// Lookups by asset and line id (<see cref="FindElement"/>, <see cref="LineOf"/>, <see cref="FindLine"/>) use an index
/// built once, on first use, from <see cref="Areas"/>; a copy with other areas builds its own. Modules use these
/// lookups instead of building their own asset-to-line maps.
/// </summary>
public sealed record PlantModel
{
    private ValueList<Area> _areas = ValueList<Area>.Empty;
    private PlantElementIndex.Slot _index;

    /// <summary>The file format version this model is written in.</summary>
    public const string CurrentApiVersion = "factorytwin/v1";

    /// <summary>Gets the file format version.</summary>
    /// <value>The default value is <see cref="CurrentApiVersion"/>.</value>
    public string ApiVersion { get; init; } = CurrentApiVersion;

    /// <summary>Gets the site.</summary>
    public required Site Site { get; init; }

    /// <summary>Gets the shift calendars.</summary>
    public ValueList<ShiftCalendar> Calendars { get; init; } = ValueList<ShiftCalendar>.Empty;

    /// <summary>Gets the materials.</summary>
    public ValueList<Material> Materials { get; init; } = ValueList<Material>.Empty;

    /// <summary>Gets the paint systems.</summary>
    public ValueList<PaintSystem> PaintSystems { get; init; } = ValueList<PaintSystem>.Empty;

    /// <summary>Gets the body styles.</summary>
    public ValueList<BodyStyle> BodyStyles { get; init; } = ValueList<BodyStyle>.Empty;

    /// <summary>Gets the product variants.</summary>
    public ValueList<ProductVariant> Variants { get; init; } = ValueList<ProductVariant>.Empty;

    /// <summary>Gets the colours.</summary>
    public ValueList<Colour> Colours { get; init; } = ValueList<Colour>.Empty;

    /// <summary>Gets the areas with their lines.</summary>
    public ValueList<Area> Areas { get => _areas; init => _areas = value; }

    /// <summary>Gets the sensors.</summary>
    public ValueList<Sensor> Sensors { get; init; } = ValueList<Sensor>.Empty;

    /// <summary>Gets the alarm rules.</summary>
    public ValueList<AlarmRule> Alarms { get; init; } = ValueList<AlarmRule>.Empty;

    /// <summary>Gets the MQTT publishers.</summary>
    public ValueList<Gateway> Gateways { get; init; } = ValueList<Gateway>.Empty;

    /// <summary>Enumerates every line of every area.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<Line> Lines()
    {
        foreach (var area in Areas)
        {
            foreach (var line in area.Lines)
            {
                yield return line;
            }
        }
    }

    /// <summary>Enumerates every flow element of every line.</summary>
    /// <returns>The elements.</returns>
    public IEnumerable<FlowElement> Elements()
    {
        foreach (var line in Lines())
        {
            foreach (var e in line.Elements())
            {
                yield return e;
            }
        }
    }

    /// <summary>Finds a flow element by id (indexed).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The element, or <see langword="null"/>.</returns>
    public FlowElement? FindElement(AssetId id) => Index.FindElement(id);

    /// <summary>Finds the line that holds an element (indexed).</summary>
    /// <param name="id">The element id.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public Line? LineOf(AssetId id) => Index.LineOf(id);

    /// <summary>Finds a line by id (indexed).</summary>
    /// <param name="id">The line id.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public Line? FindLine(LineId id) => Index.FindLine(id);

    /// <summary>Gets the index of <see cref="Areas"/>, building it on first use (two threads may both build it; either result serves).</summary>
    private PlantElementIndex Index
    {
        get
        {
            var index = _index.Value;
            if (index is null || index.Areas != _areas.Items)
            {
                index = new PlantElementIndex(_areas);
                _index = new PlantElementIndex.Slot(index);
            }

            return index;
        }
    }
}
