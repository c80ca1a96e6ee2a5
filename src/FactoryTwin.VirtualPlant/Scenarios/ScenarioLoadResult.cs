using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.VirtualPlant.Scenarios;

/// <summary>The outcome of loading a scenario file.</summary>
/// <param name="Scenario">The scenario when valid, else <see langword="null"/>.</param>
/// <param name="Diagnostics">Every problem found, with file, line and column.</param>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets whether the scenario is valid.</summary>
    public bool Success => Scenario is not null;
}
