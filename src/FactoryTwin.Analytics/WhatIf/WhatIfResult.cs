using System.Collections.Immutable;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>The comparison of scenarios against one baseline (one table: KPIs × scenarios).</summary>
/// <param name="Kpis">The compared KPIs, in row order.</param>
/// <param name="Scenarios">One comparison per scenario, in the order given.</param>
/// <param name="Replications">Replications per scenario (and of the baseline).</param>
/// <param name="Seed">The experiment seed.</param>
/// <param name="Confidence">The confidence level of the intervals.</param>
/// <param name="FromSnapshot">Whether every run started from a snapshot of the plant (the live twin) rather than empty.</param>
/// <param name="WindowStart">Start of the statistics window, in simulation seconds.</param>
/// <param name="WindowEnd">End of the statistics window, in simulation seconds.</param>
/// <param name="Elapsed">Wall-clock time of the whole comparison.</param>
public sealed record WhatIfResult(
    ImmutableArray<WhatIfKpi> Kpis,
    ImmutableArray<ScenarioComparison> Scenarios,
    int Replications,
    ulong Seed,
    double Confidence,
    bool FromSnapshot,
    double WindowStart,
    double WindowEnd,
    TimeSpan Elapsed);
