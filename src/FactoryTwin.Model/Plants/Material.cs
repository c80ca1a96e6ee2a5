using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A material's thermal properties.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Conductivity">The thermal conductivity, in W/(m·K).</param>
/// <param name="Density">The density, in kg/m³.</param>
/// <param name="SpecificHeat">The specific heat capacity, in J/(kg·K).</param>
/// <param name="Emissivity">The surface emissivity for radiation, in [0, 1].</param>
public sealed record Material(MaterialId Id, string Name, double Conductivity, double Density, double SpecificHeat, double Emissivity);
