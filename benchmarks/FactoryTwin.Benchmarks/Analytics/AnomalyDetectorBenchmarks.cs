using BenchmarkDotNet.Attributes;
using FactoryTwin.Analytics.Anomaly;

namespace FactoryTwin.Benchmarks.Analytics;

/// <summary>
/// Per-sample cost of the anomaly detector on 1000 noisy samples per operation, after its baseline is learned: a
/// threshold check (the baseline: what a threshold alarm costs), the robust EWMA detector and the robust CUSUM detector
/// (z-score, chart, spread EWMA). Both detectors must allocate nothing.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class AnomalyDetectorBenchmarks
{
    private const int Samples = 1000;
    private readonly double[] _values = new double[Samples];
    private RobustAnomalyDetector _ewma = null!;
    private RobustAnomalyDetector _cusum = null!;

    /// <summary>Creates the samples and learns both baselines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (int i = 0; i < Samples; i++)
        {
            _values[i] = 450 + rng.NextDouble() - 0.5;
        }

        var options = new AnomalyDetectorOptions { LearningSamples = Samples };
        _ewma = new RobustAnomalyDetector(options, 2);
        _cusum = new RobustAnomalyDetector(options with { Method = AnomalyMethod.Cusum }, 2);
        for (int p = 0; p < 2; p++)
        {
            foreach (var v in _values)
            {
                _ewma.Update(v, p);
                _cusum.Update(v, p);
            }
        }
    }

    /// <summary>A high/low limit check per sample.</summary>
    /// <returns>How many samples were out of limits.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public int Threshold()
    {
        int n = 0;
        foreach (var v in _values)
        {
            n += v > 460 || v < 440 ? 1 : 0;
        }

        return n;
    }

    /// <summary>The robust EWMA detector.</summary>
    /// <returns>How many samples were anomalous.</returns>
    [Benchmark(OperationsPerInvoke = Samples)]
    public int Ewma()
    {
        int n = 0;
        var values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            n += _ewma.Update(values[i], i & 1) != AnomalyKind.None ? 1 : 0;
        }

        return n;
    }

    /// <summary>The robust CUSUM detector.</summary>
    /// <returns>How many samples were anomalous.</returns>
    [Benchmark(OperationsPerInvoke = Samples)]
    public int Cusum()
    {
        int n = 0;
        var values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            n += _cusum.Update(values[i], i & 1) != AnomalyKind.None ? 1 : 0;
        }

        return n;
    }
}
