namespace FactoryTwin.Plant.ThermalCases;

/// <summary>A named point whose temperature a thermal run records at every output time.</summary>
/// <param name="Id">The probe id (a CSV column name).</param>
/// <param name="At">Where it is, in metres.</param>
public sealed record ThermalProbe(string Id, ThermalPoint At);
