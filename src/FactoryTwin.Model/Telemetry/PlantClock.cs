namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// The plant's time: the clock that telemetry timestamps are read against. It is the wall clock for a real plant. For
/// a virtual plant emulated faster than real time it is a <see cref="ScaledTimeProvider"/>, so that the emulated
/// plant's timestamps, the ingestion's checks of them, the live twin's shift calendar and rates, and the dashboard's
/// "now" all agree. Components that read plant time resolve the <see cref="TimeProvider"/> registered under
/// <see cref="ServiceKey"/> (falling back to the host's <see cref="TimeProvider"/>); web sign-in, certificates, audit
/// entries and Orleans keep the wall clock.
/// </summary>
public static class PlantClock
{
    /// <summary>The dependency-injection key of the plant clock.</summary>
    public const string ServiceKey = "FactoryTwin.PlantClock";
}
