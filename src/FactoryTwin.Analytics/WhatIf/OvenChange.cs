using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// Changes an oven: the conveyor speed (its transit time, and so its flow) and zone setpoints. Setpoints change the cure
/// of the bodies (the thermal model), not the flow of parts: the flow KPIs of a what-if do not move with them.
/// </summary>
/// <param name="Oven">The oven station's asset id.</param>
public sealed record OvenChange(AssetId Oven) : PlantChange
{
    /// <summary>Gets the new conveyor speed in m/s, or <see langword="null"/> to keep it.</summary>
    public double? ConveyorSpeed { get; init; }

    /// <summary>Gets the new setpoints per zone, in kelvin.</summary>
    public ImmutableDictionary<ZoneId, double> Setpoints { get; init; } = ImmutableDictionary<ZoneId, double>.Empty;

    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var oven = (plant.FindElement(Oven) as Station)?.Oven;
        string speed = ConveyorSpeed is { } v ? string.Create(CultureInfo.InvariantCulture, $" conveyor speed {oven?.ConveyorSpeed * 60:0.##} → {v * 60:0.##} m/min") : string.Empty;
        string setpoints = string.Join(string.Empty, Setpoints.OrderBy(p => p.Key.Value, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $" {p.Key} setpoint → {p.Value - 273.15:0.#} °C")));
        return $"oven {Oven}:{speed}{setpoints}";
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return PlantEdit.Element<Station>(plant, Oven, s =>
        {
            var oven = s.Oven ?? throw new ArgumentException($"'{Oven}' is not an oven.");
            foreach (var zone in Setpoints.Keys)
            {
                if (!oven.Zones.Any(z => z.Id == zone))
                {
                    throw new ArgumentException($"Oven '{Oven}' has no zone '{zone}'.");
                }
            }

            return s with
            {
                Oven = oven with
                {
                    ConveyorSpeed = ConveyorSpeed ?? oven.ConveyorSpeed,
                    Zones = oven.Zones.Select(z => Setpoints.TryGetValue(z.Id, out var t) ? z with { Setpoint = t } : z).ToValueList(),
                },
            };
        });
    }
}
