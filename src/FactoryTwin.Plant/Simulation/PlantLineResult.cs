using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>One plant line over the statistics window: means over the replications with 95 % Student-t intervals.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Output">Good parts that left the line in the window (counted at its exit stations).</param>
/// <param name="ThroughputPerHour">Output per hour of window (calendar time).</param>
/// <param name="PlannedHours">On-shift hours of the line's calendar in the window.</param>
/// <param name="ThroughputPerPlannedHour">Output per on-shift hour; equals <paramref name="ThroughputPerHour"/> around the clock.</param>
/// <param name="Stations">The line's stations.</param>
/// <param name="Bottleneck">The station of the line with the largest bottleneck share, if any station was ever active.</param>
/// <param name="OutputSeries">Mean output per series interval (empty when no series was recorded).</param>
public sealed record PlantLineResult(
    LineId Line,
    string Name,
    Estimate Output,
    Estimate ThroughputPerHour,
    double PlannedHours,
    Estimate ThroughputPerPlannedHour,
    ImmutableArray<PlantStationResult> Stations,
    AssetId? Bottleneck,
    ImmutableArray<double> OutputSeries);
