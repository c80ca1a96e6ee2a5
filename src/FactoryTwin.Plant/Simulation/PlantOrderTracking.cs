using System.Collections.Immutable;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The orders a run of <see cref="PlantSimulation.RunOrders"/> follows: for each, how many of its bodies must still leave
/// the plant, and which of the bodies already in the plant at the start are its.
/// </summary>
/// <param name="Orders">The order ids, as the release plan names them (<see cref="BodyRelease.Order"/>).</param>
/// <param name="Outstanding">Per order, the bodies that must still leave the plant for it to be complete; 0 or less: complete at the start.</param>
/// <param name="BodyOrders">The order of each body in the start snapshot that has one, by body id (<see cref="PlantSnapshotPart.BodyId"/>).</param>
public sealed record PlantOrderTracking(ImmutableArray<string> Orders, ImmutableArray<int> Outstanding, IReadOnlyDictionary<string, string> BodyOrders);
