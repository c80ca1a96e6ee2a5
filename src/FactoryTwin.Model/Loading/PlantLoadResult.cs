using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Loading;

/// <summary>The outcome of loading a plant file: the model when it is valid, and every diagnostic found.</summary>
/// <param name="Model">The validated model, or <see langword="null"/> when the file has errors.</param>
/// <param name="Diagnostics">All problems found, sorted by line and column.</param>
public sealed record PlantLoadResult(PlantModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the file is valid.</summary>
    public bool Success => Model is not null;
}
