using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// Rescales a distribution to a new mean keeping its family and shape: every parameter that is a time is multiplied by
/// new mean / old mean, so the coefficient of variation stays (a lognormal keeps its cv, a triangular its proportions).
/// </summary>
internal static class DistributionScaling
{
    public static Distribution ToMean(Distribution distribution, double mean)
    {
        double old = distribution.Mean;
        double f = old > 0 ? mean / old : 1;
        return distribution switch
        {
            ConstantDistribution => new ConstantDistribution(mean),
            ExponentialDistribution => new ExponentialDistribution(mean),
            LogNormalDistribution l => new LogNormalDistribution(mean, l.Cv),
            NormalDistribution n => new NormalDistribution(mean, n.Sigma * f),
            UniformDistribution u => new UniformDistribution(u.Min * f, u.Max * f),
            TriangularDistribution t => new TriangularDistribution(t.Min * f, t.Mode * f, t.Max * f),
            EmpiricalDistribution e => new EmpiricalDistribution(e.Samples.Select(s => s * f).ToValueList()),
            _ => throw new ArgumentException($"Cannot rescale a {distribution.Name} distribution.", nameof(distribution)),
        };
    }
}
