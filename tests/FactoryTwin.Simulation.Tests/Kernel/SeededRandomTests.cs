using FactoryTwin.Simulation.Kernel;
using MathNet.Numerics.Distributions;

namespace FactoryTwin.Simulation.Tests.Kernel;

public sealed class SeededRandomTests
{
    [Fact]
    public void Create_SameTriple_GivesSameSequence()
    {
        var a = SeededRandom.Create(7, 3, 11);
        var b = SeededRandom.Create(7, 3, 11);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void Create_DifferentReplicationOrStream_GivesDifferentSequences()
    {
        var a = SeededRandom.Create(7, 3, 11);
        var b = SeededRandom.Create(7, 4, 11);
        var c = SeededRandom.Create(7, 3, 12);
        ulong x = a.NextUInt64();
        Assert.NotEqual(x, b.NextUInt64());
        Assert.NotEqual(x, c.NextUInt64());
    }

    [Fact]
    public void NextDouble_ManyDraws_MeanAndVarianceOfUniform()
    {
        var r = SeededRandom.Create(1, 0, 0);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double u = r.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - 1e-17);
            sum += u;
            sumSq += u * u;
        }

        // Mean of U(0,1) has sd sqrt(1/12/n) ≈ 6.5e-4: 5 sd is 3.2e-3.
        Assert.Equal(0.5, sum / n, 0.0033);
        Assert.Equal(1.0 / 12, (sumSq / n) - ((sum / n) * (sum / n)), 0.002);
    }

    [Fact]
    public void NextStandardNormal_SameTriple_GivesSameSequence()
    {
        var a = SeededRandom.Create(7, 3, 11);
        var b = SeededRandom.Create(7, 3, 11);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Equal(a.NextStandardNormal(), b.NextStandardNormal());
        }
    }

    [Fact]
    public void NextStandardNormal_ManyDraws_MeanAndVarianceOfStandardNormal()
    {
        const int n = 1_000_000;
        var r = SeededRandom.Create(11, 0, 0);
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double z = r.NextStandardNormal();
            sum += z;
            sumSq += z * z;
        }

        double mean = sum / n;
        double variance = (sumSq / n) - (mean * mean);

        // Standard errors: mean 1/√n, variance √(2/n); five of each.
        Assert.Equal(0.0, mean, 5 / Math.Sqrt(n));
        Assert.Equal(1.0, variance, 5 * Math.Sqrt(2.0 / n));
    }

    [Fact]
    public void NextStandardNormal_ManyDraws_SkewnessAndExcessKurtosisNearZero()
    {
        const int n = 1_000_000;
        var r = SeededRandom.Create(12, 0, 0);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        for (int i = 0; i < n; i++)
        {
            double z = r.NextStandardNormal();
            double z2 = z * z;
            m1 += z;
            m2 += z2;
            m3 += z2 * z;
            m4 += z2 * z2;
        }

        m1 /= n;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double variance = m2 - (m1 * m1);
        double central3 = m3 - (3 * m1 * m2) + (2 * m1 * m1 * m1);
        double central4 = m4 - (4 * m1 * m3) + (6 * m1 * m1 * m2) - (3 * m1 * m1 * m1 * m1);
        double skewness = central3 / Math.Pow(variance, 1.5);
        double excessKurtosis = (central4 / (variance * variance)) - 3;

        // For normal data the standard errors are √(6/n) and √(24/n); five of each.
        Assert.Equal(0.0, skewness, 5 * Math.Sqrt(6.0 / n));
        Assert.Equal(0.0, excessKurtosis, 5 * Math.Sqrt(24.0 / n));
    }

    [Fact]
    public void NextStandardNormal_KolmogorovSmirnov_PassesAtOnePercent()
    {
        const int n = 100_000;
        var r = SeededRandom.Create(13, 0, 0);
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = r.NextStandardNormal();
        }

        Array.Sort(z);
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double cdf = Normal.CDF(0, 1, z[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        // Asymptotic 1 % critical value of the one-sample statistic: 1.6276/√n.
        Assert.True(d < 1.6276 / Math.Sqrt(n), $"D = {d}");
    }

    [Fact]
    public void NextStandardNormal_ChiSquareOverFiftyEquiprobableBins_PassesAtOnePercent()
    {
        const int bins = 50;
        const int n = 1_000_000;
        var upperEdges = new double[bins - 1];
        for (int k = 0; k < upperEdges.Length; k++)
        {
            upperEdges[k] = Normal.InvCDF(0, 1, (k + 1.0) / bins);
        }

        var counts = new long[bins];
        var r = SeededRandom.Create(14, 0, 0);
        for (int i = 0; i < n; i++)
        {
            int at = Array.BinarySearch(upperEdges, r.NextStandardNormal());
            counts[at >= 0 ? at : ~at]++;
        }

        double expected = (double)n / bins;
        double chiSquare = 0;
        foreach (long c in counts)
        {
            chiSquare += (c - expected) * (c - expected) / expected;
        }

        Assert.True(chiSquare < ChiSquared.InvCDF(bins - 1, 0.99), $"chi-square = {chiSquare}");
    }

    [Theory]
    [InlineData(3.6541528853610088)] // R, where the ziggurat's tail algorithm takes over
    [InlineData(4.0)]
    [InlineData(4.5)]
    public void NextStandardNormal_TenMillionDraws_TailFractionMatchesNormal(double threshold)
    {
        const int n = 10_000_000;
        var r = SeededRandom.Create(15, 0, 0);
        long beyond = 0;
        for (int i = 0; i < n; i++)
        {
            if (Math.Abs(r.NextStandardNormal()) > threshold)
            {
                beyond++;
            }
        }

        double p = 2 * Normal.CDF(0, 1, -threshold);
        double expected = n * p;
        Assert.Equal(expected, beyond, 5 * Math.Sqrt(expected * (1 - p)));
    }

    [Fact]
    public void NextStandardNormal_DrawsBeyondR_FollowNormalTailShape()
    {
        // The draws beyond R come from the exact tail algorithm: their distribution given |z| > R is
        // P(|Z| ≤ x | |Z| > R) = 1 − Φ̄(x)/Φ̄(R), checked by Kolmogorov–Smirnov at 1 %.
        const double tailStart = 3.6541528853610088;
        const int n = 10_000_000;
        var r = SeededRandom.Create(16, 0, 0);
        var tail = new List<double>();
        for (int i = 0; i < n; i++)
        {
            double a = Math.Abs(r.NextStandardNormal());
            if (a > tailStart)
            {
                tail.Add(a);
            }
        }

        tail.Sort();
        double survivalAtStart = Normal.CDF(0, 1, -tailStart);
        double d = 0;
        for (int i = 0; i < tail.Count; i++)
        {
            double cdf = 1 - (Normal.CDF(0, 1, -tail[i]) / survivalAtStart);
            d = Math.Max(d, Math.Max(((i + 1.0) / tail.Count) - cdf, cdf - ((double)i / tail.Count)));
        }

        Assert.True(tail.Count > 2000, $"{tail.Count} tail draws");
        Assert.True(d < 1.6276 / Math.Sqrt(tail.Count), $"D = {d} over {tail.Count} tail draws");
    }

    [Fact]
    public void NextStandardNormal_ManyDraws_HalfAreNegative()
    {
        const int n = 1_000_000;
        var r = SeededRandom.Create(17, 0, 0);
        long negative = 0;
        for (int i = 0; i < n; i++)
        {
            if (r.NextStandardNormal() < 0)
            {
                negative++;
            }
        }

        // Binomial(n, 1/2): standard error of the fraction 0.5/√n; five of them.
        Assert.Equal(0.5, (double)negative / n, 5 * 0.5 / Math.Sqrt(n));
    }

    [Fact]
    public void NextStandardNormal_DrawsBeyondR_HalfAreNegative()
    {
        const double tailStart = 3.6541528853610088;
        const int n = 10_000_000;
        var r = SeededRandom.Create(19, 0, 0);
        long tail = 0, negative = 0;
        for (int i = 0; i < n; i++)
        {
            double z = r.NextStandardNormal();
            if (Math.Abs(z) > tailStart)
            {
                tail++;
                negative += z < 0 ? 1 : 0;
            }
        }

        Assert.True(tail > 2000, $"{tail} tail draws");
        Assert.Equal(0.5, (double)negative / tail, 5 * 0.5 / Math.Sqrt(tail));
    }

    [Fact]
    public void NextStandardNormal_ConsecutiveDraws_AreUncorrelated()
    {
        const int n = 1_000_000;
        var r = SeededRandom.Create(18, 0, 0);
        double previous = r.NextStandardNormal();
        double sumProducts = 0, sumAbsProducts = 0;
        for (int i = 0; i < n; i++)
        {
            double z = r.NextStandardNormal();
            sumProducts += previous * z;
            sumAbsProducts += Math.Abs(previous) * Math.Abs(z);
            previous = z;
        }

        // For independent N(0, 1) pairs: E[z₁z₂] = 0 with sd 1; E[|z₁||z₂|] = 2/π with sd √(1 − 4/π²).
        Assert.Equal(0.0, sumProducts / n, 5 / Math.Sqrt(n));
        Assert.Equal(2 / Math.PI, sumAbsProducts / n, 5 * Math.Sqrt((1 - (4 / (Math.PI * Math.PI))) / n));
    }
}
