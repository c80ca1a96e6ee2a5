using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>Sets a buffer's capacity.</summary>
/// <param name="Buffer">The buffer's asset id.</param>
/// <param name="Capacity">The new capacity in parts, at least 1.</param>
public sealed record BufferCapacityChange(AssetId Buffer, int Capacity) : PlantChange
{
    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var before = (plant.FindElement(Buffer) as Model.Plants.Buffer)?.Capacity;
        return string.Create(CultureInfo.InvariantCulture, $"buffer {Buffer}: capacity {before} → {Capacity}");
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1);
        return PlantEdit.Element<Model.Plants.Buffer>(plant, Buffer, b => b with { Capacity = Capacity });
    }
}
