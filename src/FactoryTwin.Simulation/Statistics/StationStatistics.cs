using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// One station over the statistics window. The six status fractions are averaged over the station's
/// machines and sum to 1. OEE = Availability × Performance × Quality, where planned time = machine time
/// − off-shift time, run time = planned − down − setup, Availability = run / planned, Performance =
/// (Σ mean processing time of the parts processed) / run, Quality = good / processed.
/// </summary>
/// <param name="Name">Element name.</param>
/// <param name="Servers">Number of parallel machines.</param>
/// <param name="Working">Fraction of time processing.</param>
/// <param name="SettingUp">Fraction of time changing over.</param>
/// <param name="Blocked">Fraction of time holding a finished part that cannot leave.</param>
/// <param name="Starved">Fraction of time up, on shift and empty.</param>
/// <param name="Down">Fraction of time failed.</param>
/// <param name="OffShift">Fraction of time off shift.</param>
/// <param name="Processed">Parts that finished processing (good, scrapped or sent to rework).</param>
/// <param name="Scrapped">Parts scrapped here.</param>
/// <param name="Reworked">Parts sent to rework from here.</param>
/// <param name="Availability">Run time / planned time (0 when nothing was planned).</param>
/// <param name="Performance">Ideal processing time / run time (0 when there was no run time).</param>
/// <param name="Quality">Good / processed (0 when nothing was processed).</param>
/// <param name="SoleBottleneck">Fraction of the window this station was the sole bottleneck (active-period method).</param>
/// <param name="ShiftingBottleneck">Fraction of the window this station was a shifting bottleneck (active-period method).</param>
public sealed record StationStatistics(
    string Name,
    int Servers,
    double Working,
    double SettingUp,
    double Blocked,
    double Starved,
    double Down,
    double OffShift,
    long Processed,
    long Scrapped,
    long Reworked,
    double Availability,
    double Performance,
    double Quality,
    double SoleBottleneck,
    double ShiftingBottleneck)
{
    /// <summary>Gets the number of good parts (processed and neither scrapped nor sent to rework).</summary>
    public long Good => Processed - Scrapped - Reworked;

    /// <summary>Gets the overall equipment effectiveness: Availability × Performance × Quality.</summary>
    public double Oee => Availability * Performance * Quality;

    /// <summary>Gets the fraction of time spent in a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The fraction of the window.</returns>
    public double Fraction(MachineStatus status) => status switch
    {
        MachineStatus.Working => Working,
        MachineStatus.SettingUp => SettingUp,
        MachineStatus.Blocked => Blocked,
        MachineStatus.Down => Down,
        MachineStatus.OffShift => OffShift,
        _ => Starved,
    };
}
