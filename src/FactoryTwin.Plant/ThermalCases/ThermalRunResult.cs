using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>What a thermal run produced: probe temperatures over time and the final field.</summary>
/// <param name="Case">The case run.</param>
/// <param name="Times">The output times, in seconds.</param>
/// <param name="Probes">One series per probe, in the case's order.</param>
/// <param name="FinalTemperature">The temperature of every cell at the end, in kelvin (flat index <see cref="Grid.Index"/>).</param>
/// <param name="Steps">The number of time steps taken.</param>
public sealed record ThermalRunResult(
    ThermalCase Case,
    IReadOnlyList<double> Times,
    IReadOnlyList<ThermalProbeSeries> Probes,
    IReadOnlyList<double> FinalTemperature,
    long Steps)
{
    /// <summary>Gets the mean time step, in seconds.</summary>
    public double MeanTimeStep => Steps > 0 ? Case.EndTime / Steps : 0.0;
}
