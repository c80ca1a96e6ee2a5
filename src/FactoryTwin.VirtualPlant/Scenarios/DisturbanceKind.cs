namespace FactoryTwin.VirtualPlant.Scenarios;

/// <summary>The kinds of disturbance a scenario can inject.</summary>
public enum DisturbanceKind
{
    /// <summary>An oven zone's burner trips: the zone's air temperature falls by <see cref="Disturbance.Drop"/> and recovers after <see cref="Disturbance.Duration"/> (<c>burner-trip</c>).</summary>
    BurnerTrip,

    /// <summary>
    /// An oven zone runs cold: its actual air temperature falls by <see cref="Disturbance.Drop"/> below the setpoint and
    /// stays there for <see cref="Disturbance.Duration"/> (to the end of the run when none is given); an oven that routes
    /// by cure sends the bodies it under-cures to rework (<c>cold-zone</c>).
    /// </summary>
    ColdZone,

    /// <summary>A conveyor (or buffer) stops for <see cref="Disturbance.Duration"/>: nothing enters or leaves it (<c>conveyor-stop</c>).</summary>
    ConveyorStop,
}
