using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>The outcome of loading a what-if scenario file.</summary>
/// <param name="Scenario">The scenario when valid, else <see langword="null"/>.</param>
/// <param name="Diagnostics">Every error and warning, sorted by file, line and column.</param>
public sealed record WhatIfScenarioLoadResult(WhatIfScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets whether the scenario is valid.</summary>
    public bool Success => Scenario is not null;
}
