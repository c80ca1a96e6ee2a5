
namespace FactoryTwin.Analytics.WhatIf;

/// <summary>The paired-t comparison of two runs with common random numbers (Law 2015, Simulation Modeling and Analysis, §10.2.1).</summary>
internal static class PairedDifference
{
    /// <summary>Compares the per-replication values of a KPI; a replication where either value is not finite (no part finished) is left out of the pairs.</summary>
    public static KpiDifference Of(string kpi, double[] baseline, double[] scenario, double confidence)
    {
        int n = Math.Min(baseline.Length, scenario.Length);
        var a = new List<double>(n);
        var b = new List<double>(n);
        var d = new double[n];
        int pairs = 0;
        for (int i = 0; i < n; i++)
        {
            if (double.IsFinite(baseline[i]) && double.IsFinite(scenario[i]))
            {
                a.Add(baseline[i]);
                b.Add(scenario[i]);
                d[pairs++] = scenario[i] - baseline[i];
            }
        }

        var diff = SampleEstimate.From(d.AsSpan(0, pairs), confidence);
        var ea = SampleEstimate.From(a.ToArray(), confidence);
        var eb = SampleEstimate.From(b.ToArray(), confidence);
        double halfWidth = diff.StandardDeviation == 0 ? 0 : diff.HalfWidth;
        double varianceDiff = diff.StandardDeviation * diff.StandardDeviation;
        double? reduction = varianceDiff > 0 && pairs > 1
            ? ((ea.StandardDeviation * ea.StandardDeviation) + (eb.StandardDeviation * eb.StandardDeviation)) / varianceDiff
            : null;
        bool significant = pairs > 1 && (diff.Mean - halfWidth > 0 || diff.Mean + halfWidth < 0);
        return new KpiDifference(kpi, ea.Mean, eb.Mean, pairs == 0 ? double.NaN : diff.Mean, pairs > 1 ? halfWidth : double.PositiveInfinity, significant, reduction, pairs);
    }
}
