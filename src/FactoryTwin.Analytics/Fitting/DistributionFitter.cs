using System.Collections.Immutable;
using FactoryTwin.Analytics.Ovens;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>
/// Maximum-likelihood fits of exponential, lognormal, Weibull and gamma distributions to durations with right
/// censoring, 95 % confidence intervals from the observed Fisher information, a Kolmogorov–Smirnov test against the
/// Kaplan–Meier estimate, and the choice by AIC among the families the test does not reject.
/// </summary>
/// <remarks>
/// <para>
/// The likelihood is Π f(tᵢ) over complete observations times Π S(tⱼ) over censored ones. The exponential mean has the
/// closed form Σt / d (d complete observations) with se(ln mean) = 1/√d. The two-parameter families are maximized by
/// Nelder–Mead on (μ, ln σ), (ln k, ln λ) and (ln k, ln θ); the covariance is the inverse of the numerical Hessian of
/// −ln L at the optimum (observed information), and intervals of parameters fitted on a log scale are exp(x̂ ± 1.96 se),
/// so they stay positive.
/// </para>
/// <para>
/// The K–S distance is measured between the fitted CDF and the Kaplan–Meier CDF (the ECDF without censoring) at every
/// event time, from both sides. Because the parameters are estimated from the same data, the classical critical values
/// would almost never reject; the 5 % critical values used are Stephens' modified statistics for estimated parameters
/// (Stephens 1974, "EDF statistics for goodness of fit", JASA 69; D'Agostino &amp; Stephens 1986, tables 4.7 and 4.11):
/// exponential (D − 0.2/n)(√n + 0.26 + 0.5/√n) ≤ 1.094; normal on ln t, used for the lognormal, D(√n − 0.01 + 0.85/√n)
/// ≤ 0.895; Weibull √n·D ≤ 0.874 (Chandra, Singpurwalla &amp; Stephens 1981, asymptotic). Gamma has no shape-free table;
/// the normal value is used as an approximation. With censoring, n is the number of complete observations, and the
/// values are approximate.
/// </para>
/// </remarks>
public static class DistributionFitter
{
    /// <summary>The two-sided 97.5 % normal quantile for 95 % intervals.</summary>
    private const double Z975 = 1.959963984540054;

    /// <summary>Fits every family to <paramref name="sample"/> and chooses one.</summary>
    /// <param name="sample">The observations; every time must be positive and finite.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fits. With no complete observation nothing is fitted; with fewer than three, only the exponential.</returns>
    /// <exception cref="ArgumentException">A time is zero, negative or not finite.</exception>
    public static DistributionFit Fit(IReadOnlyList<Observation> sample, CancellationToken cancellationToken = default) =>
        Fit(sample, null, cancellationToken);

    /// <summary>Fits the given families to <paramref name="sample"/> and chooses one.</summary>
    /// <param name="sample">The observations; every time must be positive and finite.</param>
    /// <param name="families">The families to fit, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fits. With no complete observation nothing is fitted; with fewer than three, only the exponential.</returns>
    /// <exception cref="ArgumentException">A time is zero, negative or not finite.</exception>
    public static DistributionFit Fit(IReadOnlyList<Observation> sample, IReadOnlyCollection<DistributionFamily>? families, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        int censored = 0;
        foreach (var o in sample)
        {
            if (!(o.Time > 0) || !double.IsFinite(o.Time))
            {
                throw new ArgumentException($"Every duration must be positive and finite; got {o.Time.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", nameof(sample));
            }

            censored += o.Censored ? 1 : 0;
        }

        int events = sample.Count - censored;
        var candidates = ImmutableArray.CreateBuilder<CandidateFit>();
        var (kmTimes, kmCdf) = KaplanMeier.Estimate(sample);
        if (events >= 1)
        {
            if (families is null || families.Contains(DistributionFamily.Exponential))
            {
                candidates.Add(FitExponential(sample, events, kmTimes, kmCdf));
            }

            if (events >= 3)
            {
                foreach (var family in (ReadOnlySpan<DistributionFamily>)[DistributionFamily.LogNormal, DistributionFamily.Weibull, DistributionFamily.Gamma])
                {
                    if (families is not null && !families.Contains(family))
                    {
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    if (FitTwoParameter(family, sample, events, kmTimes, kmCdf) is { } fit)
                    {
                        candidates.Add(fit);
                    }
                }
            }
        }

        var all = candidates.ToImmutable();
        var chosen = all.Where(c => !c.Rejected).OrderBy(c => c.Aic).FirstOrDefault() ?? all.OrderBy(c => c.Aic).FirstOrDefault();
        var empirical = new EmpiricalPoint[kmTimes.Length];
        for (int i = 0; i < kmTimes.Length; i++)
        {
            empirical[i] = new EmpiricalPoint(kmTimes[i], kmCdf[i]);
        }

        return new DistributionFit(sample.Count, censored, all, ImmutableArray.Create(empirical), chosen);
    }

    /// <summary>The 5 % critical value of the K–S distance for a family with estimated parameters (see the remarks of the type).</summary>
    /// <param name="family">The family.</param>
    /// <param name="n">The number of complete observations, at least 1.</param>
    /// <returns>The critical distance.</returns>
    public static double KsCriticalValue(DistributionFamily family, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        double r = Math.Sqrt(n);
        return family switch
        {
            DistributionFamily.Exponential => (1.094 / (r + 0.26 + (0.5 / r))) + (0.2 / n),
            DistributionFamily.Weibull => 0.874 / r,
            _ => 0.895 / (r - 0.01 + (0.85 / r)),
        };
    }

    private static CandidateFit FitExponential(IReadOnlyList<Observation> sample, int events, double[] kmTimes, double[] kmCdf)
    {
        double total = 0;
        foreach (var o in sample)
        {
            total += o.Time;
        }

        double mean = total / events;
        double seLog = 1 / Math.Sqrt(events);
        var p = new[] { mean };
        double logL = LogLikelihood(DistributionFamily.Exponential, mean, 0, sample);
        return new CandidateFit(
            DistributionFamily.Exponential,
            [new FittedParameter("mean", mean, mean * Math.Exp(-Z975 * seLog), mean * Math.Exp(Z975 * seLog), mean * seLog)],
            logL,
            2 - (2 * logL),
            KsDistance(DistributionFamily.Exponential, p, kmTimes, kmCdf),
            KsCriticalValue(DistributionFamily.Exponential, events),
            mean,
            1);
    }

    private static CandidateFit? FitTwoParameter(DistributionFamily family, IReadOnlyList<Observation> sample, int events, double[] kmTimes, double[] kmCdf)
    {
        double NegLogL(double[] x)
        {
            var (a, b) = Natural(family, x);
            double v = -LogLikelihood(family, a, b, sample);
            return double.IsFinite(v) ? v : double.PositiveInfinity;
        }

        var x0 = StartingPoint(family, sample);
        var (x, f, _) = NelderMead.Minimize(NegLogL, x0, 0.5, 4000, 1e-10, CancellationToken.None);
        (x, f, _) = NelderMead.Minimize(NegLogL, x, 0.05, 4000, 1e-12, CancellationToken.None); // restart: guards against a collapsed simplex
        if (!double.IsFinite(f))
        {
            return null;
        }

        var cov = InverseHessian(NegLogL, x);
        if (cov is null)
        {
            return null;
        }

        var (a, b) = Natural(family, x);
        double se0 = Math.Sqrt(cov[0]);
        double se1 = Math.Sqrt(cov[3]);
        var names = family == DistributionFamily.LogNormal ? ("mu", "sigma") : ("shape", "scale");
        var first = family == DistributionFamily.LogNormal
            ? new FittedParameter(names.Item1, a, a - (Z975 * se0), a + (Z975 * se0), se0)
            : LogScaleParameter(names.Item1, x[0], se0);
        var second = LogScaleParameter(names.Item2, x[1], se1);
        var p = new[] { a, b };
        var (mean, cv) = FamilyMath.Moments(family, p);
        return new CandidateFit(family, [first, second], -f, 4 + (2 * f), KsDistance(family, p, kmTimes, kmCdf), KsCriticalValue(family, events), mean, cv);
    }

    private static FittedParameter LogScaleParameter(string name, double logValue, double seLog)
    {
        double v = Math.Exp(logValue);
        return new FittedParameter(name, v, Math.Exp(logValue - (Z975 * seLog)), Math.Exp(logValue + (Z975 * seLog)), v * seLog);
    }

    private static (double A, double B) Natural(DistributionFamily family, double[] x) =>
        family == DistributionFamily.LogNormal ? (x[0], Math.Exp(x[1])) : (Math.Exp(x[0]), Math.Exp(x[1]));

    private static double LogLikelihood(DistributionFamily family, double a, double b, IReadOnlyList<Observation> sample)
    {
        double sum = 0;
        for (int i = 0; i < sample.Count; i++)
        {
            sum += FamilyMath.LogContribution(family, a, b, sample[i].Time, sample[i].Censored);
        }

        return sum;
    }

    /// <summary>Moment estimates from the complete observations, on the optimizer's scale.</summary>
    private static double[] StartingPoint(DistributionFamily family, IReadOnlyList<Observation> sample)
    {
        double s = 0, s2 = 0, l = 0, l2 = 0;
        int n = 0;
        foreach (var o in sample)
        {
            if (!o.Censored)
            {
                double lt = Math.Log(o.Time);
                s += o.Time;
                s2 += o.Time * o.Time;
                l += lt;
                l2 += lt * lt;
                n++;
            }
        }

        double mean = s / n;
        double variance = Math.Max((s2 / n) - (mean * mean), 1e-12 * mean * mean);
        double lm = l / n;
        double ls = Math.Sqrt(Math.Max((l2 / n) - (lm * lm), 1e-6));
        return family switch
        {
            DistributionFamily.LogNormal => [lm, Math.Log(ls)],

            // sd of ln t for a Weibull is π/(k√6); ln t has mean ln λ − γ/k.
            DistributionFamily.Weibull => [Math.Log(1.2825 / ls), lm + (0.5772156649 * ls / 1.2825)],
            _ => [Math.Log(mean * mean / variance), Math.Log(variance / mean)],
        };
    }

    /// <summary>The inverse of the central-difference Hessian of <paramref name="f"/> at <paramref name="x"/> (2×2, row-major), or null when it is not positive definite.</summary>
    private static double[]? InverseHessian(Func<double[], double> f, double[] x)
    {
        double h0 = 1e-4 * Math.Max(1, Math.Abs(x[0]));
        double h1 = 1e-4 * Math.Max(1, Math.Abs(x[1]));
        double F(double d0, double d1) => f([x[0] + d0, x[1] + d1]);
        double f00 = F(0, 0);
        double a = (F(h0, 0) - (2 * f00) + F(-h0, 0)) / (h0 * h0);
        double c = (F(0, h1) - (2 * f00) + F(0, -h1)) / (h1 * h1);
        double b = (F(h0, h1) - F(h0, -h1) - F(-h0, h1) + F(-h0, -h1)) / (4 * h0 * h1);
        double det = (a * c) - (b * b);
        if (!(a > 0) || !(det > 0) || !double.IsFinite(det))
        {
            return null;
        }

        return [c / det, -b / det, -b / det, a / det];
    }

    private static double KsDistance(DistributionFamily family, double[] p, double[] kmTimes, double[] kmCdf)
    {
        double d = 0;
        double before = 0;
        for (int i = 0; i < kmTimes.Length; i++)
        {
            double fit = FamilyMath.Cdf(family, p, kmTimes[i]);
            d = Math.Max(d, Math.Max(Math.Abs(kmCdf[i] - fit), Math.Abs(before - fit)));
            before = kmCdf[i];
        }

        return d;
    }
}
