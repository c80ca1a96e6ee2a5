using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>Where one plant line lives in the engine model. Engine element names are the asset ids.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Name">The line's display name.</param>
/// <param name="Calendar">The engine calendar of the line's stations (one week, periodic), or <see langword="null"/> when they work around the clock.</param>
/// <param name="Elements">All flow elements of the line.</param>
/// <param name="Stations">The line's stations, in file order.</param>
/// <param name="ExitStations">The stations whose good parts leave the line (directly or through the line's own buffers and conveyors) to another line or a sink: the line's output is counted there.</param>
/// <param name="ShiftTarget">The good parts the line should make per shift, when the file sets a target.</param>
public sealed record PlantLineMap(
    LineId Line,
    string Name,
    ShiftCalendar? Calendar,
    ImmutableArray<AssetId> Elements,
    ImmutableArray<AssetId> Stations,
    ImmutableArray<AssetId> ExitStations,
    int? ShiftTarget);
