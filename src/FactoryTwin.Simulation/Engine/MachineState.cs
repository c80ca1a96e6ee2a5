namespace FactoryTwin.Simulation.Engine;

/// <summary>Mutable state of one machine (server); kept in an array of structs.</summary>
internal struct MachineState
{
    /// <summary>Element index of the station.</summary>
    public int Station;

    /// <summary>Part index, or -1.</summary>
    public int Part;

    public MachinePhase Phase;

    /// <summary>Whether a PhaseEnd or OperatingFailure event is pending for the current phase.</summary>
    public bool Running;

    public bool Down;

    /// <summary>Remaining duration of the current phase, valid while not running.</summary>
    public double Remaining;

    /// <summary>When the current run of the phase started (valid while running).</summary>
    public double PhaseStart;

    public double RepairEnd;

    public double NextCalendarFailure;

    /// <summary>Remaining operating time to the next failure (operating-clock failures).</summary>
    public double TimeToFailure;

    /// <summary>Key of the live PhaseEnd or OperatingFailure event while <see cref="Running"/>; an event with another key is stale.</summary>
    public ulong PhaseEvent;

    /// <summary>Setup key of the last part started, or -1.</summary>
    public int LastKey;

    public MachineStatus Status;

    /// <summary>Start of the current status, clipped at the start of the statistics window.</summary>
    public double StatusSince;

    /// <summary>Start of the current status, not clipped (for snapshots).</summary>
    public double EnteredStatusAt;

    public double BlockedSince;

    /// <summary>When processing of the current part began (after its setup), for inspectors.</summary>
    public double WorkStart;

    /// <summary>The processing time drawn for the current part, for inspectors.</summary>
    public double WorkTime;

    /// <summary>When processing of the current part first stood still for a failure, or NaN.</summary>
    public double FirstStop;

    /// <summary>Since when the machine is down with the current part in processing, or NaN.</summary>
    public double DownSince;

    /// <summary>Time the current part's processing stood still for failures, so far.</summary>
    public double Stopped;
}
