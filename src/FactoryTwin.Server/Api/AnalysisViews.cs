using FactoryTwin.Analytics.Buffers;
using FactoryTwin.Analytics.WhatIf;

namespace FactoryTwin.Server.Api;

/// <summary>A stored what-if run.</summary>
internal sealed record WhatIfRunView(
    string Id,
    DateTimeOffset At,
    string User,
    int Replications,
    ulong Seed,
    double Confidence,
    double WindowStartSeconds,
    double WindowEndSeconds,
    double ElapsedSeconds,
    IReadOnlyList<WhatIfKpi> Kpis,
    IReadOnlyList<WhatIfScenarioView> Scenarios,
    bool FromLive = false)
{
    public static WhatIfRunView From(string id, DateTimeOffset at, string user, WhatIfResult r) => new(
        id,
        at,
        user,
        r.Replications,
        r.Seed,
        r.Confidence,
        r.WindowStart,
        r.WindowEnd,
        Math.Round(r.Elapsed.TotalSeconds, 3),
        r.Kpis,
        [.. r.Scenarios.Select(s => new WhatIfScenarioView(s.Scenario, s.Changes, [.. s.Differences.Select(KpiDifferenceView.From)]))],
        r.FromSnapshot);
}

/// <summary>One scenario of a <see cref="WhatIfRunView"/>.</summary>
internal sealed record WhatIfScenarioView(string Name, IReadOnlyList<string> Changes, IReadOnlyList<KpiDifferenceView> Differences);

/// <summary>One KPI difference; figures that do not exist (fewer than two pairs, no variance) are null.</summary>
internal sealed record KpiDifferenceView(string Kpi, double? Baseline, double? Scenario, double? Difference, double? HalfWidth, bool Significant, double? VarianceReduction, int Count)
{
    public static KpiDifferenceView From(KpiDifference d) =>
        new(d.Kpi, Finite(d.Baseline), Finite(d.Scenario), Finite(d.Difference), Finite(d.HalfWidth), d.Significant, d.VarianceReduction is { } v ? Finite(v) : null, d.Count);

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>A stored buffer allocation search.</summary>
internal sealed record BufferOptimizationView(
    string Id,
    DateTimeOffset At,
    string User,
    string Line,
    int? Budget,
    double? TargetJph,
    bool? TargetReached,
    IReadOnlyList<BufferCapacityView> Allocation,
    double Throughput,
    double HalfWidth,
    IReadOnlyList<int> CurrentAllocation,
    double CurrentThroughput,
    IReadOnlyList<IReadOnlyList<int>> Path,
    string Stop,
    int Evaluations,
    long ReplicationsSimulated,
    double ElapsedSeconds)
{
    public static BufferOptimizationView From(string id, DateTimeOffset at, string user, BufferAllocationOptions o, BufferAllocationResult r) => new(
        id,
        at,
        user,
        r.Line.Value,
        o.Budget,
        o.TargetThroughput,
        r.TargetReached,
        [.. r.Allocation.Select(a => new BufferCapacityView(a.Buffer.Value, a.Capacity))],
        r.Best.Throughput,
        double.IsFinite(r.Best.HalfWidth) ? r.Best.HalfWidth : 0,
        r.Current.Capacities,
        r.Current.Throughput,
        [.. r.Path.Select(p => (IReadOnlyList<int>)p.Capacities)],
        r.Stop,
        r.Evaluations,
        r.Replications,
        Math.Round(r.Elapsed.TotalSeconds, 3));
}

/// <summary>One buffer's capacity.</summary>
internal sealed record BufferCapacityView(string Buffer, int Capacity);
