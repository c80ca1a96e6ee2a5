using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Simulation.Snapshots;

/// <summary>
/// One machine in a snapshot. Times that are not known are NaN and are then drawn from the model's
/// distributions conditioned on the time already spent (see <c>Distribution.SampleResidual</c>).
/// Off shift is not stored: it follows from the snapshot time and the calendar.
/// </summary>
public sealed record MachineSnapshot
{
    /// <summary>Gets the status; only <see cref="MachineStatus.Down"/> changes how the machine is restored.</summary>
    public MachineStatus Status { get; init; }

    /// <summary>Gets how long the machine has been in <see cref="Status"/>, in seconds.</summary>
    public double TimeInStatus { get; init; }

    /// <summary>Gets the part on the machine, or <see langword="null"/>.</summary>
    public PartSnapshot? Part { get; init; }

    /// <summary>Gets whether processing of <see cref="Part"/> is finished (the part waits to leave).</summary>
    public bool PartFinished { get; init; }

    /// <summary>
    /// Gets whether the finished <see cref="Part"/> waits to go to the station's rework target (it was sent to rework)
    /// rather than to the station's outputs. Only meaningful with <see cref="PartFinished"/>.
    /// </summary>
    public bool PartToRework { get; init; }

    /// <summary>Gets the remaining setup time in seconds; NaN or 0 when not setting up.</summary>
    public double RemainingSetup { get; init; } = double.NaN;

    /// <summary>Gets the remaining processing time in seconds, or NaN when unknown.</summary>
    public double RemainingWork { get; init; } = double.NaN;

    /// <summary>Gets the processing time already spent on <see cref="Part"/> in seconds (used when <see cref="RemainingWork"/> is unknown).</summary>
    public double ElapsedWork { get; init; }

    /// <summary>
    /// Gets the remaining repair time in seconds when down, or NaN when unknown. With station-wide failures
    /// (<see cref="Modeling.FailureScope.Station"/>) every machine carries the station's; on restore the station is down
    /// when any of its machines is, with the first remaining repair a down machine gives.
    /// </summary>
    public double RemainingRepair { get; init; } = double.NaN;

    /// <summary>
    /// Gets the remaining time to the next failure (on the model's failure clock) in seconds, or NaN when unknown. With
    /// station-wide failures every machine carries the station's, and the first one known is restored.
    /// </summary>
    public double RemainingTimeToFailure { get; init; } = double.NaN;

    /// <summary>Gets the setup key (the value of the station's setup attribute) of the last part started, or -1.</summary>
    public int LastSetupKey { get; init; } = -1;
}
