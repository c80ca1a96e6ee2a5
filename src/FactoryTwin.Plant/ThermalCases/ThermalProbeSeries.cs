namespace FactoryTwin.Plant.ThermalCases;

/// <summary>The temperatures one probe recorded at the run's output times.</summary>
/// <param name="Probe">The probe.</param>
/// <param name="Temperatures">One value per output time, in kelvin.</param>
public sealed record ThermalProbeSeries(ThermalProbe Probe, IReadOnlyList<double> Temperatures);
