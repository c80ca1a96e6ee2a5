using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>The outcome of loading a thermal case file: the case when it is valid, and every diagnostic found.</summary>
/// <param name="Case">The validated case, or <see langword="null"/> when the file has errors.</param>
/// <param name="Diagnostics">All problems found, sorted by line and column.</param>
public sealed record ThermalCaseLoadResult(ThermalCase? Case, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the file is valid.</summary>
    public bool Success => Case is not null;
}
