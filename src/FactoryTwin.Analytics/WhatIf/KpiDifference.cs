namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// One KPI of one scenario against the baseline, from paired replications (replication i of both used the same random
/// numbers): the mean of each, the mean paired difference d̄ = mean(scenarioᵢ − baselineᵢ) with its Student-t interval
/// d̄ ± t(1 − α/2, n − 1)·s_d/√n, and whether that interval excludes 0.
/// </summary>
/// <param name="Kpi">The KPI's key (see <see cref="WhatIfKpi.Key"/>).</param>
/// <param name="Baseline">Mean of the baseline.</param>
/// <param name="Scenario">Mean of the scenario.</param>
/// <param name="Difference">Mean paired difference, scenario − baseline.</param>
/// <param name="HalfWidth">Half-width of the difference's confidence interval (0 when every pair is equal).</param>
/// <param name="Significant">Whether the interval excludes 0.</param>
/// <param name="VarianceReduction">
/// Var(baseline) + Var(scenario) over Var(difference): how many times narrower in variance the paired interval is than one
/// from independent runs of the same size (the variance reduction factor of common random numbers);
/// <see langword="null"/> when the difference has no variance.
/// </param>
/// <param name="Count">The number of pairs (replications where both have the figure).</param>
public sealed record KpiDifference(string Kpi, double Baseline, double Scenario, double Difference, double HalfWidth, bool Significant, double? VarianceReduction, int Count)
{
    /// <summary>Gets the lower end of the difference's interval.</summary>
    public double Lower => Difference - HalfWidth;

    /// <summary>Gets the upper end of the difference's interval.</summary>
    public double Upper => Difference + HalfWidth;
}
