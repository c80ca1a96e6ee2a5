namespace FactoryTwin.Simulation.Modeling;

/// <summary>The clock on which the time between failures is counted.</summary>
public enum FailureClock
{
    /// <summary>
    /// Only processing time counts (setups, idle, blocked and off-shift time do not). For a station-wide failure
    /// (<see cref="FailureScope.Station"/>): time on shift while the station is up, whether it holds parts or not.
    /// </summary>
    Operating,

    /// <summary>Calendar time counts, whatever the machine is doing.</summary>
    Calendar,
}
