using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>One station over the statistics window: means over the replications with 95 % Student-t intervals.</summary>
/// <param name="Station">The station's asset id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Servers">Parallel machines in the engine (the oven capacity for an oven).</param>
/// <param name="Working">Fraction of time processing.</param>
/// <param name="SettingUp">Fraction of time changing over.</param>
/// <param name="Blocked">Fraction of time holding a finished part that cannot leave.</param>
/// <param name="Starved">Fraction of time up, on shift and empty.</param>
/// <param name="Down">Fraction of time failed.</param>
/// <param name="OffShift">Fraction of time off shift (breaks, nights, planned downtime).</param>
/// <param name="Oee">Overall equipment effectiveness (availability × performance × quality).</param>
/// <param name="SoleBottleneck">Fraction of the window the station was the sole bottleneck (active-period method).</param>
/// <param name="ShiftingBottleneck">Fraction of the window the station was a shifting bottleneck.</param>
/// <param name="Processed">Parts processed in the window.</param>
public sealed record PlantStationResult(
    AssetId Station,
    string Name,
    int Servers,
    Estimate Working,
    Estimate SettingUp,
    Estimate Blocked,
    Estimate Starved,
    Estimate Down,
    Estimate OffShift,
    Estimate Oee,
    Estimate SoleBottleneck,
    Estimate ShiftingBottleneck,
    Estimate Processed)
{
    /// <summary>Gets the mean bottleneck share: sole plus shifting bottleneck fraction of the window.</summary>
    public double BottleneckShare => SoleBottleneck.Mean + ShiftingBottleneck.Mean;
}
