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

    /// <summary>A sensor's reading drifts away at <see cref="Disturbance.Magnitude"/> SI units per second for <see cref="Disturbance.Duration"/>, then it is recalibrated (<c>sensor-drift</c>).</summary>
    SensorDrift,

    /// <summary>A sensor's reading is offset by <see cref="Disturbance.Magnitude"/> SI units for <see cref="Disturbance.Duration"/> (<c>sensor-step</c>).</summary>
    SensorStep,

    /// <summary>A sensor keeps sending its last reading for <see cref="Disturbance.Duration"/> (<c>sensor-stuck</c>).</summary>
    SensorStuck,

    /// <summary>A sensor's measurement noise is <see cref="Disturbance.Magnitude"/> times larger for <see cref="Disturbance.Duration"/> (<c>sensor-noise</c>).</summary>
    SensorNoise,
}
