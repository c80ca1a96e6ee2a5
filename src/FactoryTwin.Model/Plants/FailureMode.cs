using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Model.Plants;

/// <summary>One way a station breaks down.</summary>
/// <param name="Name">What fails (for reports).</param>
/// <param name="TimeBetweenFailures">The time between failures, in seconds.</param>
/// <param name="TimeToRepair">The time to repair, in seconds.</param>
/// <param name="Basis">Whether the time between failures counts operating or calendar time.</param>
public sealed record FailureMode(string Name, Distribution TimeBetweenFailures, Distribution TimeToRepair, FailureBasis Basis)
{
    /// <summary>Gets what one failure takes down, as the plant file says it.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the station's default, <see cref="Station.DefaultFailureScope"/>
    /// (the whole station for an oven, each server on its own otherwise).
    /// </value>
    public FailureScope? Scope { get; init; }

    /// <summary>Gets the long-run availability against this failure: MTBF / (MTBF + MTTR).</summary>
    public double Availability => TimeBetweenFailures.Mean / (TimeBetweenFailures.Mean + TimeToRepair.Mean);
}
