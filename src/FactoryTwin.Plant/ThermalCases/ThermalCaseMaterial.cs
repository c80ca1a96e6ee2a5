using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>A named material of a thermal case.</summary>
/// <param name="Id">The material id used by regions.</param>
/// <param name="Properties">k in W/(m·K), ρ in kg/m³, c in J/(kg·K).</param>
public sealed record ThermalCaseMaterial(string Id, Material Properties);
