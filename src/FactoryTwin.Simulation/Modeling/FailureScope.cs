namespace FactoryTwin.Simulation.Modeling;

/// <summary>What one failure of a <see cref="FailureModel"/> stops.</summary>
public enum FailureScope
{
    /// <summary>
    /// Each machine (server) of the station has its own failure process and fails alone: independent parallel
    /// machines.
    /// </summary>
    Machine,

    /// <summary>
    /// The station has one failure process: a failure stops every machine at the same instant (a part in processing
    /// stands still, as on a machine failure), one repair brings them all back together. For one drive or conveyor
    /// that carries every part inside, such as an oven: the station fails at the model's rate, not once per machine.
    /// On <see cref="FailureClock.Operating"/> the time between failures runs while the station is on shift and up,
    /// whether it holds parts or not (the drive runs empty too); on <see cref="FailureClock.Calendar"/> it runs all the
    /// time. The process draws from the random streams of the station's first machine, so a one-machine station with
    /// calendar failures runs as with <see cref="Machine"/>.
    /// </summary>
    Station,
}
