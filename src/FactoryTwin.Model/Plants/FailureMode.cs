using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Model.Plants;

/// <summary>One way a station breaks down.</summary>
/// <param name="Name">What fails (for reports).</param>
/// <param name="TimeBetweenFailures">The time between failures, in seconds.</param>
/// <param name="TimeToRepair">The time to repair, in seconds.</param>
/// <param name="Basis">Whether the time between failures counts operating or calendar time.</param>
public sealed record FailureMode(string Name, Distribution TimeBetweenFailures, Distribution TimeToRepair, FailureBasis Basis)
{
    /// <summary>Gets the long-run availability against this failure: MTBF / (MTBF + MTTR).</summary>
    public double Availability => TimeBetweenFailures.Mean / (TimeBetweenFailures.Mean + TimeToRepair.Mean);
}
