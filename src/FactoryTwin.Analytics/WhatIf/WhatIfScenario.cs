using System.Collections.Immutable;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>A named list of changes to a plant (a what-if scenario file, docs/whatif.md).</summary>
/// <param name="Name">The scenario's name, for reports.</param>
/// <param name="Changes">The changes, applied in order.</param>
public sealed record WhatIfScenario(string Name, ImmutableArray<PlantChange> Changes)
{
    /// <summary>Returns the plant with every change applied.</summary>
    /// <param name="baseline">The plant before.</param>
    /// <returns>The plant after.</returns>
    /// <exception cref="ArgumentException">A change names an element the plant lacks.</exception>
    public PlantModel Apply(PlantModel baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var plant = baseline;
        foreach (var change in Changes)
        {
            plant = change.Apply(plant);
        }

        return plant;
    }
}
