using System.Collections.Immutable;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>One scenario against the baseline.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Changes">A description of each change, in order.</param>
/// <param name="Differences">One row per KPI, in the order of <see cref="WhatIfResult.Kpis"/>.</param>
public sealed record ScenarioComparison(string Scenario, ImmutableArray<string> Changes, ImmutableArray<KpiDifference> Differences)
{
    /// <summary>Finds a KPI's row.</summary>
    /// <param name="kpi">The KPI's key.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">No such KPI.</exception>
    public KpiDifference Difference(string kpi) =>
        Differences.FirstOrDefault(d => string.Equals(d.Kpi, kpi, StringComparison.Ordinal)) ?? throw new KeyNotFoundException($"No KPI '{kpi}'.");
}
