using FactoryTwin.Analytics.Anomaly;
using MathNet.Numerics.Distributions;

namespace FactoryTwin.Analytics.Tests.Anomaly;

public sealed class RobustAnomalyDetectorTests
{
    private static readonly AnomalyDetectorOptions Small = new() { LearningSamples = 1000 };

    private static RobustAnomalyDetector Learned(AnomalyDetectorOptions options, Random rng, double mean = 100, double sd = 2, int phases = 1)
    {
        var d = new RobustAnomalyDetector(options, phases);
        for (int p = 0; p < phases; p++)
        {
            for (int i = 0; i < options.LearningSamples; i++)
            {
                d.Update(mean + (p * 10 * sd) + (sd * Normal.Sample(rng, 0, 1)), p);
            }
        }

        return d;
    }

    [Fact]
    public void Baseline_KnownValues_IsMedianAndScaledMad()
    {
        var d = new RobustAnomalyDetector(new AnomalyDetectorOptions { LearningSamples = 11 });
        foreach (var v in (double[])[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100])
        {
            d.Update(v, 0);
        }

        d.Update(6, 0);

        // median 6; |x − 6| = 5,4,3,2,1,0,1,2,3,4,94 → MAD 3; the outlier 100 moves neither.
        Assert.Equal(6, d.Baseline(0).Median);
        Assert.Equal(3 * 1.482602218505602, d.Baseline(0).Scale, 12);
    }

    [Theory]
    [InlineData(AnomalyMethod.Ewma)]
    [InlineData(AnomalyMethod.Cusum)]
    public void Update_InControlNoise_RaisesNothingOverAHundredThousandSamples(AnomalyMethod method)
    {
        var rng = new Random(1);
        var options = Small with { Method = method };
        var d = Learned(options, rng);

        int alarms = 0;
        for (int i = 0; i < 100_000; i++)
        {
            alarms += d.Update(100 + (2 * Normal.Sample(rng, 0, 1)), 0) != AnomalyKind.None ? 1 : 0;
        }

        Assert.Equal(0, alarms);
    }

    [Theory]
    [InlineData(AnomalyMethod.Ewma, 6.0, AnomalyKind.High)]
    [InlineData(AnomalyMethod.Ewma, -6.0, AnomalyKind.Low)]
    [InlineData(AnomalyMethod.Cusum, 6.0, AnomalyKind.High)]
    [InlineData(AnomalyMethod.Cusum, -6.0, AnomalyKind.Low)]
    public void Update_StepOfSixSigma_IsDetectedWithinAMinute(AnomalyMethod method, double sigmas, AnomalyKind expected)
    {
        var rng = new Random(2);
        var d = Learned(Small with { Method = method }, rng);

        int delay = 0;
        while (d.Update(100 + (2 * sigmas) + (2 * Normal.Sample(rng, 0, 1)), 0) == AnomalyKind.None && delay < 1000)
        {
            delay++;
        }

        Assert.Equal(expected, d.Current & (AnomalyKind.High | AnomalyKind.Low));
        Assert.InRange(delay, 1, 60);
    }

    [Fact]
    public void Update_StuckValue_IsDetected()
    {
        var rng = new Random(3);
        var d = Learned(Small, rng);

        int delay = 0;
        while (d.Update(100.5, 0) != AnomalyKind.Stuck && delay < 1000)
        {
            delay++;
        }

        // The spread EWMA falls as 0.95ⁿ from about 1: below 0.1 after ln 0.1 / ln 0.95 ≈ 45 samples.
        Assert.InRange(delay, 30, 60);
    }

    [Fact]
    public void Update_NoiseBurst_IsNoisy()
    {
        var rng = new Random(4);
        var d = Learned(Small, rng);

        var seen = AnomalyKind.None;
        for (int i = 0; i < 200; i++)
        {
            seen |= d.Update(100 + (10 * Normal.Sample(rng, 0, 1)), 0);
        }

        Assert.True(seen.HasFlag(AnomalyKind.Noisy));
    }

    [Fact]
    public void Update_SingleWildSample_RaisesNothing()
    {
        var rng = new Random(5);
        var d = Learned(Small, rng);

        Assert.Equal(AnomalyKind.None, d.Update(1e6, 0));
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(AnomalyKind.None, d.Update(100 + (2 * Normal.Sample(rng, 0, 1)), 0));
        }
    }

    [Fact]
    public void Update_PhasesWithTheirOwnLevels_AreInControlOnTheirOwnBaselines()
    {
        var rng = new Random(6);
        var perPhase = Learned(Small, rng, phases: 2);
        var pooled = Learned(Small, rng, phases: 1);

        int perPhaseAlarms = 0, pooledAlarms = 0;
        for (int i = 0; i < 5000; i++)
        {
            int phase = (i / 500) % 2; // phase 1 runs 10 σ higher
            double v = 100 + (phase * 20) + (2 * Normal.Sample(rng, 0, 1));
            perPhaseAlarms += perPhase.Update(v, phase) != AnomalyKind.None ? 1 : 0;
            pooledAlarms += pooled.Update(v, 0) != AnomalyKind.None ? 1 : 0;
        }

        Assert.Equal(0, perPhaseAlarms);
        Assert.True(pooledAlarms > 1000);
    }

    [Fact]
    public void Update_WhileLearning_RaisesNothing()
    {
        var d = new RobustAnomalyDetector(Small);

        for (int i = 0; i < Small.LearningSamples; i++)
        {
            Assert.Equal(AnomalyKind.None, d.Update(i % 2 == 0 ? 0 : 1e9, 0));
        }

        Assert.False(d.HasBaseline(0));
    }

    [Fact]
    public void Update_AfterLearning_AllocatesNothing()
    {
        var rng = new Random(7);
        var d = Learned(Small, rng, phases: 2);
        var values = new double[10_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = 100 + (2 * Normal.Sample(rng, 0, 1));
        }

        d.Update(values[0], 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < values.Length; i++)
        {
            d.Update(values[i], i & 1);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Update_PhaseOutOfRange_Throws()
    {
        var d = new RobustAnomalyDetector(Small, phases: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => d.Update(1, 2));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RobustAnomalyDetector(new AnomalyDetectorOptions { Lambda = 0 }));

        Assert.Contains("lambda", ex.Message, StringComparison.Ordinal);
    }
}
