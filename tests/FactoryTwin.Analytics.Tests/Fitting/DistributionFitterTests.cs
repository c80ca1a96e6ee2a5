using FactoryTwin.Analytics.Fitting;
using MathNet.Numerics.Distributions;

namespace FactoryTwin.Analytics.Tests.Fitting;

public sealed class DistributionFitterTests
{
    private static Observation[] Sample(Func<Random, double> draw, int n, int seed, double censorAt = double.PositiveInfinity)
    {
        var rng = new Random(seed);
        var sample = new Observation[n];
        for (int i = 0; i < n; i++)
        {
            double t = draw(rng);
            sample[i] = t > censorAt ? new Observation(censorAt, Censored: true) : new Observation(t);
        }

        return sample;
    }

    [Fact]
    public void Fit_ExponentialComplete_MeanIsSampleMean()
    {
        Observation[] sample = [new(10), new(20), new(30), new(60)];

        var fit = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken).Of(DistributionFamily.Exponential)!;

        Assert.Equal(30, fit.Mean, 12);

        // ln L = −n ln m − Σt/m at m = 30.
        Assert.Equal((-4 * Math.Log(30)) - 4, fit.LogLikelihood, 10);
    }

    [Fact]
    public void Fit_ExponentialCensored_MeanIsTotalTimeOverEvents()
    {
        Observation[] sample = [new(10), new(20), new(30, Censored: true), new(40, Censored: true)];

        var fit = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken).Of(DistributionFamily.Exponential)!;

        Assert.Equal(100.0 / 2, fit.Mean, 12);
        var mean = fit.Parameter("mean");
        Assert.Equal(50 * Math.Exp(-1.959963984540054 / Math.Sqrt(2)), mean.Lower, 9);
        Assert.Equal(50 * Math.Exp(1.959963984540054 / Math.Sqrt(2)), mean.Upper, 9);
    }

    [Fact]
    public void Fit_LogNormalComplete_MatchesClosedFormMle()
    {
        var sample = Sample(r => LogNormal.Sample(r, 3.0, 0.4), 400, 1);
        var logs = sample.Select(o => Math.Log(o.Time)).ToArray();
        double mu = logs.Average();
        double sigma = Math.Sqrt(logs.Select(l => (l - mu) * (l - mu)).Average());

        var fit = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken).Of(DistributionFamily.LogNormal)!;

        Assert.Equal(mu, fit.Parameter("mu").Estimate, 5);
        Assert.Equal(sigma, fit.Parameter("sigma").Estimate, 5);

        // Observed information of the normal MLE: se(μ) = σ/√n.
        Assert.Equal(sigma / Math.Sqrt(400), fit.Parameter("mu").StandardError, 4);
    }

    [Theory]
    [InlineData(DistributionFamily.Exponential, 11)]
    [InlineData(DistributionFamily.LogNormal, 12)]
    [InlineData(DistributionFamily.Weibull, 13)]
    [InlineData(DistributionFamily.Gamma, 14)]
    public void Fit_SampleOfKnownFamily_ChoosesItAndCoversTheParameters(DistributionFamily family, int seed)
    {
        var (draw, truth) = Known(family);
        var sample = Sample(draw, 1500, seed);

        var result = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken);

        Assert.Equal(family, result.Chosen!.Family);
        var fit = result.Of(family)!;
        Assert.False(fit.Rejected);
        foreach (var (name, value) in truth)
        {
            Assert.True(fit.Parameter(name).Covers(value), $"{family} {name}: {value} not in [{fit.Parameter(name).Lower}, {fit.Parameter(name).Upper}]");
        }
    }

    [Fact]
    public void Fit_WeibullCensoredAtShiftEnd_RecoversParameters()
    {
        // Type I censoring: every duration longer than the 8 h shift is cut off there (exp(−1.44^1.8) ≈ 15 % here).
        var sample = Sample(r => Weibull.Sample(r, 1.8, 20_000), 800, 21, censorAt: 28_800);

        var result = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken);
        var fit = result.Of(DistributionFamily.Weibull)!;

        Assert.InRange(result.CensoredCount, 90, 150);
        Assert.True(fit.Parameter("shape").Covers(1.8));
        Assert.True(fit.Parameter("scale").Covers(20_000));
        Assert.False(fit.Rejected);

        // Ignoring the censoring biases the scale low: the censored times are not failures.
        var naive = DistributionFitter.Fit([.. sample.Select(o => new Observation(o.Time))], TestContext.Current.CancellationToken).Of(DistributionFamily.Weibull)!;
        Assert.False(naive.Parameter("scale").Covers(20_000));
    }

    [Fact]
    public void Fit_ExponentialIntervals_CoverTheTruthAboutNinetyFivePercentOfTheTime()
    {
        int covered = 0;
        for (int rep = 0; rep < 400; rep++)
        {
            var sample = Sample(r => Exponential.Sample(r, 1.0 / 60), 40, 1000 + rep, censorAt: 90);
            covered += DistributionFitter.Fit(sample, [DistributionFamily.Exponential], TestContext.Current.CancellationToken).Of(DistributionFamily.Exponential)!.Parameter("mean").Covers(60) ? 1 : 0;
        }

        // Binomial(400, 0.95): ±3 sd is 380 ± 13.
        Assert.InRange(covered, 367, 393);
    }

    [Fact]
    public void Fit_WeibullShapeIntervals_CoverTheTruthAboutNinetyFivePercentOfTheTime()
    {
        int covered = 0;
        for (int rep = 0; rep < 150; rep++)
        {
            var sample = Sample(r => Weibull.Sample(r, 2.5, 100), 80, 5000 + rep);
            covered += DistributionFitter.Fit(sample, [DistributionFamily.Weibull], TestContext.Current.CancellationToken).Of(DistributionFamily.Weibull)!.Parameter("shape").Covers(2.5) ? 1 : 0;
        }

        Assert.InRange(covered, 132, 150);
    }

    [Fact]
    public void Fit_WearOutFailures_RejectsExponential()
    {
        var sample = Sample(r => Weibull.Sample(r, 4, 1000), 300, 31);

        var result = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken);

        Assert.True(result.Of(DistributionFamily.Exponential)!.Rejected);
        Assert.NotEqual(DistributionFamily.Exponential, result.Chosen!.Family);
    }

    [Fact]
    public void Fit_EveryObservationCensored_FitsNothing()
    {
        var result = DistributionFitter.Fit([new Observation(5, true), new Observation(7, true)], TestContext.Current.CancellationToken);

        Assert.Empty(result.Candidates);
        Assert.Null(result.Chosen);
    }

    [Fact]
    public void Fit_TwoCompleteObservations_FitsOnlyExponential()
    {
        var result = DistributionFitter.Fit([new Observation(5), new Observation(7)], TestContext.Current.CancellationToken);

        Assert.Equal(DistributionFamily.Exponential, Assert.Single(result.Candidates).Family);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Fit_NonPositiveOrNonFiniteTime_ThrowsNamingTheValue(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => DistributionFitter.Fit([new Observation(4), new Observation(bad)], TestContext.Current.CancellationToken));

        Assert.Contains("positive and finite", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DistributionFamily.Exponential, 20, 0.2358)] // (1.094 / (√20 + 0.26 + 0.5/√20)) + 0.2/20
    [InlineData(DistributionFamily.LogNormal, 20, 0.190)] // Lilliefors (1967) normal table, n = 20, 5 %
    [InlineData(DistributionFamily.Weibull, 100, 0.0874)]
    public void KsCriticalValue_MatchesStephensModifiedStatistics(DistributionFamily family, int n, double expected)
    {
        Assert.Equal(expected, DistributionFitter.KsCriticalValue(family, n), 0.003);
    }

    [Fact]
    public void ToPlantDistribution_LogNormalFit_KeepsMeanAndCv()
    {
        var sample = Sample(r => LogNormal.Sample(r, 4.0, 0.25), 300, 41);
        var fit = DistributionFitter.Fit(sample, TestContext.Current.CancellationToken).Of(DistributionFamily.LogNormal)!;

        var plant = Assert.IsType<FactoryTwin.Model.Distributions.LogNormalDistribution>(fit.ToPlantDistribution());

        Assert.Equal(fit.Parameter("mu").Estimate, plant.LogMu, 9);
        Assert.Equal(fit.Parameter("sigma").Estimate, plant.LogSigma, 9);
    }

    private static (Func<Random, double> Draw, (string, double)[] Truth) Known(DistributionFamily family) => family switch
    {
        DistributionFamily.Exponential => (r => Exponential.Sample(r, 1.0 / 300), [("mean", 300)]),
        DistributionFamily.LogNormal => (r => LogNormal.Sample(r, 4.0, 0.5), [("mu", 4.0), ("sigma", 0.5)]),
        DistributionFamily.Weibull => (r => Weibull.Sample(r, 3.0, 120), [("shape", 3.0), ("scale", 120)]),
        _ => (r => Gamma.Sample(r, 6.0, 1.0 / 20), [("shape", 6.0), ("scale", 20)]),
    };
}
