namespace FactoryTwin.Simulation.Modeling;

/// <summary>The clock on which the time between failures is counted.</summary>
public enum FailureClock
{
    /// <summary>Only processing time counts (setups, idle, blocked and off-shift time do not).</summary>
    Operating,

    /// <summary>Calendar time counts, whatever the machine is doing.</summary>
    Calendar,
}
