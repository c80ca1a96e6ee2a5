using BenchmarkDotNet.Attributes;
using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Benchmarks.Simulation;

/// <summary>
/// Standard normal draws, 1000 per operation: the Box–Muller transform on the same stream (the baseline: one variate
/// per pair, Math.Log, Math.Sqrt, Math.Cos), the engine's ziggurat (<see cref="SeededRandom.NextStandardNormal"/>), and
/// a whole lognormal processing-time draw (<see cref="Distribution.Sample"/>, the ziggurat plus one Math.Exp).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class NormalDrawBenchmarks
{
    private const int Draws = 1000;
    private readonly Distribution _lognormal = Distribution.LogNormal(60, 0.25);
    private SeededRandom _random = SeededRandom.Create(1, 0, 0);

    /// <summary>Box–Muller, one variate of each pair.</summary>
    /// <returns>The sum of the draws.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public double BoxMuller()
    {
        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            double u1 = _random.NextOpenDouble();
            double u2 = _random.NextDouble();
            sum += Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return sum;
    }

    /// <summary>The 256-layer ziggurat.</summary>
    /// <returns>The sum of the draws.</returns>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double Ziggurat()
    {
        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += _random.NextStandardNormal();
        }

        return sum;
    }

    /// <summary>LogNormal(mean 60 s, cv 0.25), as a station's processing time.</summary>
    /// <returns>The sum of the draws.</returns>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double LogNormalProcessingTime()
    {
        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += _lognormal.Sample(ref _random);
        }

        return sum;
    }
}
