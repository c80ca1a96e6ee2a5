using MathNet.Numerics;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>
/// Densities, survival functions and CDFs of the fitted families, in their natural parameters:
/// exponential (mean), lognormal (μ, σ), Weibull (k, λ), gamma (k, θ).
/// </summary>
internal static class FamilyMath
{
    private static readonly double LnSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ln f(t) for a complete observation, ln S(t) for a censored one.</summary>
    public static double LogContribution(DistributionFamily family, double a, double b, double t, bool censored)
    {
        switch (family)
        {
            case DistributionFamily.Exponential:
                return censored ? -t / a : -Math.Log(a) - (t / a);
            case DistributionFamily.LogNormal:
                {
                    double z = (Math.Log(t) - a) / b;
                    return censored ? LogNormalUpperTail(z) : -Math.Log(t) - Math.Log(b) - LnSqrt2Pi - (0.5 * z * z);
                }

            case DistributionFamily.Weibull:
                {
                    double lr = Math.Log(t / b);
                    double h = Math.Exp(a * lr);
                    return censored ? -h : Math.Log(a) - Math.Log(b) + ((a - 1) * lr) - h;
                }

            case DistributionFamily.Gamma:
                if (censored)
                {
                    double q = SpecialFunctions.GammaUpperRegularized(a, t / b);
                    return q > 0 ? Math.Log(q) : double.NegativeInfinity;
                }

                return -SpecialFunctions.GammaLn(a) - (a * Math.Log(b)) + ((a - 1) * Math.Log(t)) - (t / b);
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, null);
        }
    }

    /// <summary>F(t) in natural parameters.</summary>
    public static double Cdf(DistributionFamily family, double[] p, double t)
    {
        if (t <= 0)
        {
            return 0;
        }

        return family switch
        {
            DistributionFamily.Exponential => -double.ExpM1(-t / p[0]),
            DistributionFamily.LogNormal => 0.5 * SpecialFunctions.Erfc(-(Math.Log(t) - p[0]) / (p[1] * Math.Sqrt(2))),
            DistributionFamily.Weibull => -double.ExpM1(-Math.Pow(t / p[1], p[0])),
            DistributionFamily.Gamma => SpecialFunctions.GammaLowerRegularized(p[0], t / p[1]),
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
        };
    }

    /// <summary>Mean and coefficient of variation in natural parameters.</summary>
    public static (double Mean, double Cv) Moments(DistributionFamily family, double[] p)
    {
        switch (family)
        {
            case DistributionFamily.Exponential:
                return (p[0], 1);
            case DistributionFamily.LogNormal:
                return (Math.Exp(p[0] + (0.5 * p[1] * p[1])), Math.Sqrt(double.ExpM1(p[1] * p[1])));
            case DistributionFamily.Weibull:
                {
                    double g1 = SpecialFunctions.Gamma(1 + (1 / p[0]));
                    double g2 = SpecialFunctions.Gamma(1 + (2 / p[0]));
                    return (p[1] * g1, Math.Sqrt(Math.Max(g2 - (g1 * g1), 0)) / g1);
                }

            case DistributionFamily.Gamma:
                return (p[0] * p[1], 1 / Math.Sqrt(p[0]));
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, null);
        }
    }

    /// <summary>ln(1 − Φ(z)) = ln(½ erfc(z/√2)), with the asymptotic series where erfc underflows.</summary>
    private static double LogNormalUpperTail(double z)
    {
        if (z < 30)
        {
            return Math.Log(0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2)));
        }

        // Mills ratio: 1 − Φ(z) ≈ φ(z)/z (1 − 1/z²) for large z.
        return -LnSqrt2Pi - (0.5 * z * z) - Math.Log(z) + Math.Log(1 - (1 / (z * z)));
    }
}
