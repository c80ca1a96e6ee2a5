using FactoryTwin.Model.Units;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>Quantity kinds of thermal case files that the plant vocabulary does not have.</summary>
internal static class ThermalQuantities
{
    /// <summary>A heat flux, stored in W/m².</summary>
    public static QuantityKind HeatFlux { get; } = new("heat flux", Dimension.Power / Dimension.Distance.Pow(2), "500 W/m2", "W/m2");

    /// <summary>A volumetric heat source, stored in W/m³.</summary>
    public static QuantityKind VolumetricSource { get; } = new("volumetric heat source", Dimension.Power / Dimension.Distance.Pow(3), "1e5 W/m3", "W/m3");
}
