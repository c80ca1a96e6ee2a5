using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Plant.Simulation;

/// <summary>One thing that happened in a <see cref="LivePlantRun"/>, in plant vocabulary.</summary>
/// <param name="Time">Simulation time in seconds since the run started.</param>
/// <param name="Kind">What happened; says which of the other fields apply.</param>
/// <param name="Line">The line the asset belongs to.</param>
/// <param name="Asset">The flow element.</param>
/// <param name="State">For <see cref="PlantTraceKind.State"/>: the station's new state.</param>
/// <param name="Good">For <see cref="PlantTraceKind.Count"/>: good parts finished at the station since the start.</param>
/// <param name="Scrap">For <see cref="PlantTraceKind.Count"/>: parts scrapped at the station since the start.</param>
/// <param name="Level">For <see cref="PlantTraceKind.Level"/>: bodies in the buffer or conveyor now.</param>
/// <param name="Body">For part events: the body id (<c>B-000001</c>, numbered in creation order).</param>
/// <param name="Variant">For part events: the body's variant.</param>
/// <param name="Colour">For part events: the body's colour.</param>
/// <param name="Cure">
/// For the <see cref="PlantTraceKind.PartExit"/> of an oven that routes by cure (<see cref="Oven.CureRework"/>): the
/// body's predicted cure verdict; otherwise <see langword="null"/>.
/// </param>
/// <param name="Route">For such an exit when the verdict is not OK: where the body is sent (the oven's cure-rework target); otherwise <see langword="null"/> (it goes on).</param>
/// <param name="Order">For part events of a body released by a plan (<see cref="LivePlantRun.SetReleasePlan"/>): the order it was released for; otherwise <see langword="null"/>.</param>
public readonly record struct PlantTraceEvent(
    double Time,
    PlantTraceKind Kind,
    LineId Line,
    AssetId Asset,
    StationState State = StationState.Starved,
    long Good = 0,
    long Scrap = 0,
    int Level = 0,
    string? Body = null,
    VariantId Variant = default,
    ColourId Colour = default,
    Ovens.CureVerdict? Cure = null,
    AssetId? Route = null,
    string? Order = null);
