using FactoryTwin.Model.Plants;

namespace FactoryTwin.Plant.Ovens;

/// <summary>
/// What the bodies experience in an oven: each zone's air temperature over time (setpoints, or the measured values of
/// the zone sensors), conveyor stops, and the conveyor speed. Times are seconds on one axis shared with
/// <see cref="BodyPassage.EntryTime"/> (for example, seconds since the start of the shift).
/// </summary>
public sealed class OvenConditions
{
    /// <summary>Creates conditions.</summary>
    /// <param name="zoneAirTemperature">One schedule per zone, in kelvin, in the order of the oven's zones.</param>
    /// <param name="stops">Conveyor stops.</param>
    /// <param name="conveyorSpeed">The conveyor speed when it moves, in m/s.</param>
    public OvenConditions(IReadOnlyList<TemperatureSchedule> zoneAirTemperature, IReadOnlyList<ConveyorStop> stops, double conveyorSpeed)
    {
        ArgumentNullException.ThrowIfNull(zoneAirTemperature);
        ArgumentNullException.ThrowIfNull(stops);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(conveyorSpeed);
        foreach (var stop in stops)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(stop.Duration, nameof(stops));
        }

        ZoneAirTemperature = zoneAirTemperature;
        _stops = [.. stops.OrderBy(s => s.Start)];
        ConveyorSpeed = conveyorSpeed;
    }

    /// <summary>Gets each zone's air temperature over time, in kelvin.</summary>
    public IReadOnlyList<TemperatureSchedule> ZoneAirTemperature { get; }

    // An array, so that MovingFraction (per body and time step of a prediction) walks it without an enumerator object.
    private readonly ConveyorStop[] _stops;

    /// <summary>Gets the conveyor stops, sorted by start.</summary>
    public IReadOnlyList<ConveyorStop> Stops => _stops;

    /// <summary>Gets the conveyor speed when moving, in m/s.</summary>
    public double ConveyorSpeed { get; }

    /// <summary>Conditions with every zone at its setpoint, the nominal speed and no stop.</summary>
    /// <param name="oven">The oven.</param>
    /// <returns>The conditions.</returns>
    public static OvenConditions AtSetpoints(Oven oven)
    {
        ArgumentNullException.ThrowIfNull(oven);
        return new OvenConditions([.. oven.Zones.Select(z => TemperatureSchedule.Constant(z.Setpoint))], [], oven.ConveyorSpeed);
    }

    /// <summary>Returns these conditions with different zone air temperatures.</summary>
    /// <param name="zoneAirTemperature">One schedule per zone, in kelvin.</param>
    /// <returns>The new conditions.</returns>
    public OvenConditions WithZones(IReadOnlyList<TemperatureSchedule> zoneAirTemperature) => new(zoneAirTemperature, Stops, ConveyorSpeed);

    /// <summary>Returns these conditions with conveyor stops added.</summary>
    /// <param name="stops">The stops.</param>
    /// <returns>The new conditions.</returns>
    public OvenConditions WithStops(params IReadOnlyList<ConveyorStop> stops) => new(ZoneAirTemperature, [.. Stops, .. stops], ConveyorSpeed);

    /// <summary>Returns these conditions with another conveyor speed.</summary>
    /// <param name="speed">The speed, in m/s.</param>
    /// <returns>The new conditions.</returns>
    public OvenConditions WithSpeed(double speed) => new(ZoneAirTemperature, Stops, speed);

    /// <summary>Gets the fraction of the interval [t, t + dt] during which the conveyor moves.</summary>
    /// <param name="t">The interval start, in seconds.</param>
    /// <param name="dt">The interval length, in seconds.</param>
    /// <returns>A fraction in [0, 1].</returns>
    public double MovingFraction(double t, double dt)
    {
        var stopped = 0.0;
        foreach (var stop in _stops)
        {
            if (stop.Start >= t + dt)
            {
                break;
            }

            stopped += Math.Max(0, Math.Min(stop.End, t + dt) - Math.Max(stop.Start, t));
        }

        return Math.Clamp(1 - (stopped / dt), 0, 1);
    }
}
