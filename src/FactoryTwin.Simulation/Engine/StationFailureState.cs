namespace FactoryTwin.Simulation.Engine;

/// <summary>
/// The one failure process of a station whose failures stop it whole (<see cref="Modeling.FailureScope.Station"/>);
/// kept per element in an array of structs. Its machines mirror <see cref="Down"/> and <see cref="RepairEnd"/>.
/// </summary>
internal struct StationFailureState
{
    /// <summary>Whether the station is down (every machine is).</summary>
    public bool Down;

    /// <summary>When the repair ends (valid while <see cref="Down"/>).</summary>
    public double RepairEnd;

    /// <summary>Whether the failure clock runs: up, and on shift for the operating clock (a failure event is pending).</summary>
    public bool ClockRunning;

    /// <summary>Time to the next failure on the failure clock in seconds, as of <see cref="ClockStart"/> while the clock runs.</summary>
    public double TimeToFailure;

    /// <summary>When the clock last started (valid while <see cref="ClockRunning"/>).</summary>
    public double ClockStart;

    /// <summary>Key of the pending failure event while the clock runs, else 0 (an event with another key is stale).</summary>
    public ulong FailureEvent;
}
