namespace FactoryTwin.VirtualPlant.Scenarios;

/// <summary>One disturbance of a scenario: scheduled at a time, or random with a mean time between occurrences. Times in simulated seconds since the start.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Target">The oven zone's sensor id (burner trip, cold zone) or the conveyor/buffer asset id (conveyor stop).</param>
/// <param name="At">The time of a scheduled disturbance, or <see langword="null"/> for a random one.</param>
/// <param name="MeanInterval">The mean time between random occurrences (exponential), or <see langword="null"/> for a scheduled one.</param>
/// <param name="Duration">How long it lasts, in seconds; infinite for a cold zone held to the end of the run.</param>
/// <param name="Drop">For a burner trip or a cold zone: the fall of the zone's air temperature in kelvin.</param>
/// <param name="Magnitude">For a sensor fault: the drift rate (SI units per second), the step (SI units) or the noise factor; 0 otherwise.</param>
public sealed record Disturbance(DisturbanceKind Kind, string Target, double? At, double? MeanInterval, double Duration, double Drop, double Magnitude = 0)
{
    /// <summary>Gets whether this is a fault of a sensor (drift, step, stuck, noise) rather than of the process.</summary>
    public bool IsSensorFault => Kind is DisturbanceKind.SensorDrift or DisturbanceKind.SensorStep or DisturbanceKind.SensorStuck or DisturbanceKind.SensorNoise;

    /// <summary>Gets the name of the kind as written in scenario files.</summary>
    public string KindName => Kind switch
    {
        DisturbanceKind.BurnerTrip => "burner-trip",
        DisturbanceKind.ColdZone => "cold-zone",
        DisturbanceKind.ConveyorStop => "conveyor-stop",
        DisturbanceKind.SensorDrift => "sensor-drift",
        DisturbanceKind.SensorStep => "sensor-step",
        DisturbanceKind.SensorStuck => "sensor-stuck",
        _ => "sensor-noise",
    };
}
