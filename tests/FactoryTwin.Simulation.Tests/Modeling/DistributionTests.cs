using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Modeling;

public sealed class DistributionTests
{
    public static TheoryData<string, double, double> Cases => new()
    {
        // name, expected mean, expected sd
        { "constant", 5, 0 },
        { "uniform", 15, 10 / Math.Sqrt(12) },
        { "triangular", 20, Math.Sqrt(((10 * 10) + (15 * 15) + (35 * 35) - (10 * 15) - (10 * 35) - (15 * 35)) / 18.0) },
        { "lognormal", 60, 15 },
        { "exponential", 30, 30 },
        { "empirical", 2.5, Math.Sqrt(1.25) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_ManyDraws_MeanWithinFiveStandardErrors(string name, double mean, double sd)
    {
        var d = Create(name);
        Assert.Equal(mean, d.Mean, 1e-9);
        var r = SeededRandom.Create(99, 0, 1);
        const int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double x = d.Sample(ref r);
            Assert.True(x >= 0);
            sum += x;
        }

        Assert.Equal(mean, sum / n, (5 * sd / Math.Sqrt(n)) + 1e-12);
    }

    [Fact]
    public void Sample_TruncatedNormal_NeverNegativeAndMeanMatchesTruncatedMean()
    {
        var d = Distribution.Normal(1, 2);
        var r = SeededRandom.Create(5, 0, 0);
        const int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double x = d.Sample(ref r);
            Assert.True(x >= 0);
            sum += x;
        }

        // The truncated sd is below the untruncated 2, so 5·2/√n bounds five standard errors.
        Assert.Equal(d.Mean, sum / n, 5 * 2 / Math.Sqrt(n));
        Assert.True(d.Mean > 1);
    }

    [Fact]
    public void SampleResidual_Constant_IsRemainder()
    {
        var r = SeededRandom.Create(1, 0, 0);
        Assert.Equal(3, Distribution.Constant(10).SampleResidual(ref r, 7));
    }

    [Fact]
    public void SampleResidual_Uniform_StaysWithinRemainingRange()
    {
        var r = SeededRandom.Create(1, 0, 0);
        var d = Distribution.Uniform(10, 20);
        for (int i = 0; i < 1000; i++)
        {
            Assert.InRange(d.SampleResidual(ref r, 15), 0, 5);
        }
    }

    [Fact]
    public void LogNormal_NegativeMean_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.LogNormal(-1, 0.2));

    private static Distribution Create(string name) => name switch
    {
        "constant" => Distribution.Constant(5),
        "uniform" => Distribution.Uniform(10, 20),
        "triangular" => Distribution.Triangular(10, 15, 35),
        "lognormal" => Distribution.LogNormal(60, 0.25),
        "exponential" => Distribution.Exponential(30),
        _ => Distribution.Empirical([1, 2, 3, 4]),
    };
}
