using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>Immutable rewrites of a plant's flow elements, shared by the changes.</summary>
internal static class PlantEdit
{
    /// <summary>Returns the plant with every line rewritten by <paramref name="edit"/>.</summary>
    public static PlantModel Lines(PlantModel plant, Func<Line, Line> edit) => plant with
    {
        Areas = plant.Areas.Select(a => a with { Lines = a.Lines.Select(edit).ToValueList() }).ToValueList(),
    };

    /// <summary>Returns the plant with the element <paramref name="id"/> of type <typeparamref name="T"/> rewritten.</summary>
    public static PlantModel Element<T>(PlantModel plant, AssetId id, Func<T, T> edit)
        where T : FlowElement
    {
        if (plant.FindElement(id) is not T)
        {
            throw new ArgumentException($"The plant has no {typeof(T).Name.ToLowerInvariant()} '{id}'.", nameof(id));
        }

        return Lines(plant, l => l with
        {
            Sources = Map(l.Sources, id, edit),
            Stations = Map(l.Stations, id, edit),
            Buffers = Map(l.Buffers, id, edit),
            Conveyors = Map(l.Conveyors, id, edit),
            Sinks = Map(l.Sinks, id, edit),
        });
    }

    private static ValueList<TItem> Map<TItem, T>(ValueList<TItem> items, AssetId id, Func<T, T> edit)
        where TItem : FlowElement
        where T : FlowElement
    {
        if (!items.Any(e => e.Id == id))
        {
            return items;
        }

        return items.Select(e => e.Id == id && e is T t && edit(t) is TItem changed ? changed : e).ToValueList();
    }
}
