namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Random breakdowns of each machine of a station. A failure interrupts setup or processing; the
/// interrupted part stays on the machine and the rest of its work resumes after the repair.
/// </summary>
/// <param name="TimeBetweenFailures">Time between failures in seconds, counted on <paramref name="Clock"/>.</param>
/// <param name="TimeToRepair">Repair duration in seconds (calendar time).</param>
/// <param name="Clock">Which clock the time between failures runs on.</param>
public sealed record FailureModel(Distribution TimeBetweenFailures, Distribution TimeToRepair, FailureClock Clock = FailureClock.Operating);
