using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// A deliberately simple steady-state energy model of a convection oven, to compare settings rather than to bill gas:
/// each zone loses u·L_z·(T_z − T_ambient) through its walls and exhaust (u lumps wall U-value × tunnel perimeter and the
/// exhaust air flow per metre), and every body takes up m·c·(T̄_peak − T_entry), with T̄_peak the mean predicted peak
/// metal temperature of its points. Zones at or below ambient cost nothing. Burner efficiency is not modelled.
/// </summary>
public sealed record OvenEnergyModel
{
    /// <summary>Gets the ambient (hall) temperature, in kelvin.</summary>
    /// <value>The default value is 293.15 K (20 °C).</value>
    public double AmbientTemperature { get; init; } = 293.15;

    /// <summary>Gets u, the heat lost per metre of zone and kelvin above ambient, in W/(m·K).</summary>
    /// <value>The default value is 100 W/(m·K): a 16 m tunnel perimeter at 0.5 W/(m²·K) plus about 0.08 kg/s of exhaust air per metre at 1.0 kJ/(kg·K). Calibrate it from the gas meter before quoting absolute kilowatts.</value>
    public double LossPerMetre { get; init; } = 100;

    /// <summary>Gets the mass of metal of one body (body-in-white plus carrier), in kg.</summary>
    /// <value>The default value is 450 kg.</value>
    public double BodyMass { get; init; } = 450;

    /// <summary>Gets the specific heat of that metal, in J/(kg·K).</summary>
    /// <value>The default value is 470 J/(kg·K) (steel).</value>
    public double BodySpecificHeat { get; init; } = 470;

    /// <summary>Computes the heat demand of a setting.</summary>
    /// <param name="oven">The oven (zone lengths, pitch).</param>
    /// <param name="zoneTemperatures">The zone air temperatures, in kelvin.</param>
    /// <param name="speed">The conveyor speed, in m/s.</param>
    /// <param name="meanPeak">The mean predicted peak metal temperature of the body points, in kelvin.</param>
    /// <param name="entryTemperature">The metal temperature at entry, in kelvin.</param>
    /// <returns>The demand.</returns>
    public OvenHeatDemand Demand(Oven oven, IReadOnlyList<double> zoneTemperatures, double speed, double meanPeak, double entryTemperature)
    {
        ArgumentNullException.ThrowIfNull(oven);
        ArgumentNullException.ThrowIfNull(zoneTemperatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var wall = 0.0;
        for (var z = 0; z < oven.Zones.Count; z++)
        {
            wall += LossPerMetre * oven.Zones[z].Length * Math.Max(0, zoneTemperatures[z] - AmbientTemperature);
        }

        var bodiesPerSecond = speed / oven.Pitch;
        var body = bodiesPerSecond * BodyMass * BodySpecificHeat * Math.Max(0, meanPeak - entryTemperature);
        return new OvenHeatDemand(wall, body, (wall + body) / bodiesPerSecond);
    }
}
