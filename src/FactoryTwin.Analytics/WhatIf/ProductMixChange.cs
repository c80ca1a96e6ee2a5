using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>Changes the product mix: the share of each named variant (the others keep theirs; the shares must sum to 1).</summary>
/// <param name="Mix">The new share per variant, in [0, 1].</param>
public sealed record ProductMixChange(ImmutableDictionary<VariantId, double> Mix) : PlantChange
{
    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return "product mix: " + string.Join(", ", plant.Variants.Select(v => Mix.TryGetValue(v.Id, out var m)
            ? string.Create(CultureInfo.InvariantCulture, $"{v.Id} {v.Mix:0.###} → {m:0.###}")
            : string.Create(CultureInfo.InvariantCulture, $"{v.Id} {v.Mix:0.###}")));
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        foreach (var v in Mix.Keys)
        {
            if (!plant.Variants.Any(x => x.Id == v))
            {
                throw new ArgumentException($"The plant has no variant '{v}'.");
            }
        }

        return plant with { Variants = plant.Variants.Select(v => Mix.TryGetValue(v.Id, out var m) ? v with { Mix = m } : v).ToValueList() };
    }
}
