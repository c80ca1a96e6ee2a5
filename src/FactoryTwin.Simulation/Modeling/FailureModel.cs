namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Random breakdowns of a station: of each machine on its own (<see cref="FailureScope.Machine"/>, the default) or of
/// the whole station at once (<see cref="FailureScope.Station"/>). A failure interrupts setup or processing; the
/// interrupted part stays on the machine and the rest of its work resumes after the repair.
/// </summary>
/// <param name="TimeBetweenFailures">Time between failures in seconds, counted on <paramref name="Clock"/>.</param>
/// <param name="TimeToRepair">Repair duration in seconds (calendar time).</param>
/// <param name="Clock">Which clock the time between failures runs on.</param>
/// <param name="Scope">Whether each machine fails alone or the whole station fails at once.</param>
public sealed record FailureModel(
    Distribution TimeBetweenFailures,
    Distribution TimeToRepair,
    FailureClock Clock = FailureClock.Operating,
    FailureScope Scope = FailureScope.Machine);
