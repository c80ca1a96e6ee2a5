using System.Globalization;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>Changes a source's release rate: its time between releases.</summary>
/// <param name="Source">The source's asset id.</param>
/// <param name="InterArrival">The new time between releases in seconds.</param>
public sealed record SourceChange(AssetId Source, Distribution InterArrival) : PlantChange
{
    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var before = (plant.FindElement(Source) as Source)?.InterArrival.Mean;
        return string.Create(CultureInfo.InvariantCulture, $"source {Source}: mean time between releases {before:0.##} s → {InterArrival.Mean:0.##} s");
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return PlantEdit.Element<Source>(plant, Source, s => s with { InterArrival = InterArrival });
    }
}
