using System.Collections.Immutable;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>A plant updated with fitted distributions, and what changed.</summary>
/// <param name="Plant">The updated plant.</param>
/// <param name="Changes">The replaced distributions.</param>
/// <param name="Skipped">Fits not written, with the reason (too few observations, a family the plant file cannot hold, several failure modes).</param>
public sealed record PlantFitUpdate(FactoryTwin.Model.Plants.PlantModel Plant, ImmutableArray<PlantFitChange> Changes, ImmutableArray<string> Skipped);
