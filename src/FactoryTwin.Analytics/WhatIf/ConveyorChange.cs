using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>Changes a conveyor's speed (its transit time) and/or length (its capacity with the pitch).</summary>
/// <param name="Conveyor">The conveyor's asset id.</param>
public sealed record ConveyorChange(AssetId Conveyor) : PlantChange
{
    /// <summary>Gets the new speed in m/s, or <see langword="null"/> to keep it.</summary>
    public double? Speed { get; init; }

    /// <summary>Gets the new length in m, or <see langword="null"/> to keep it.</summary>
    public double? Length { get; init; }

    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var c = plant.FindElement(Conveyor) as Conveyor;
        string speed = Speed is { } v ? string.Create(CultureInfo.InvariantCulture, $" speed {c?.Speed * 60:0.##} → {v * 60:0.##} m/min") : string.Empty;
        string length = Length is { } l ? string.Create(CultureInfo.InvariantCulture, $" length {c?.Length:0.##} → {l:0.##} m") : string.Empty;
        return $"conveyor {Conveyor}:{speed}{length}";
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return PlantEdit.Element<Conveyor>(plant, Conveyor, c => c with { Speed = Speed ?? c.Speed, Length = Length ?? c.Length });
    }
}
