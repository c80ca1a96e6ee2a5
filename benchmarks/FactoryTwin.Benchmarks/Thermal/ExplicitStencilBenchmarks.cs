using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Benchmarks.Thermal;

/// <summary>
/// 2-D explicit stencil on 4096² cells, one full step per invocation (cell-updates/s = 4096²/Mean), next to a STREAM-like triad
/// a = b + s·c over 4096² doubles as the bandwidth baseline. Bandwidth-derived limit: a float64 cell update moves ~16 B
/// (read T, write T'), the triad 24 B, so the limit time of a float64 step = 2/3 × triad time, i.e. goal Ratio ≤ 0.95
/// (float32: 1/3).
/// </summary>
[MemoryDiagnoser]
public class ExplicitStencilBenchmarks
{
    private const int N = 4096;
    private const int Cells = N * N;
    private double[] _a = [];
    private double[] _b = [];
    private double[] _c = [];
    private IHeatSolver _f64 = null!;
    private IHeatSolver _f32 = null!;
    private IHeatSolver _scalar = null!;
    private double _dt;

    [GlobalSetup]
    public void Setup()
    {
        _a = new double[Cells];
        _b = new double[Cells];
        _c = new double[Cells];
        _b.AsSpan().Fill(1.0);
        _c.AsSpan().Fill(2.0);
        var grid = Grid.Create2D(N, N, 1.0, 1.0);
        var problem = new HeatProblem(grid, Material.Steel, 300.0);
        problem.InitialTemperature[Cells / 2] = 1000.0;
        _f64 = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        _f32 = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = HeatPrecision.Binary32 });
        _scalar = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Backend = HeatBackend.CpuScalar });
        _dt = 0.9 * _f64.StableTimeStep;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _f64.Dispose();
        _f32.Dispose();
        _scalar.Dispose();
    }

    /// <summary>STREAM triad a = b + 3·c over 4096² doubles, parallel SIMD like the stencil.</summary>
    [Benchmark(Baseline = true)]
    public void Triad()
    {
        Parallel.For(0, Environment.ProcessorCount, chunk =>
        {
            var chunks = Environment.ProcessorCount;
            var start = (int)((long)Cells * chunk / chunks);
            var end = (int)((long)Cells * (chunk + 1) / chunks);
            ref var a = ref MemoryMarshal.GetArrayDataReference(_a);
            ref var b = ref MemoryMarshal.GetArrayDataReference(_b);
            ref var c = ref MemoryMarshal.GetArrayDataReference(_c);
            var s = new Vector<double>(3.0);
            var i = start;
            for (; i + Vector<double>.Count <= end; i += Vector<double>.Count)
            {
                (Vector.LoadUnsafe(ref b, (nuint)i) + (s * Vector.LoadUnsafe(ref c, (nuint)i))).StoreUnsafe(ref a, (nuint)i);
            }

            for (; i < end; i++)
            {
                _a[i] = _b[i] + (3.0 * _c[i]);
            }
        });
    }

    /// <summary>One explicit float64 step (SIMD, parallel rows), per cell update.</summary>
    [Benchmark]
    public void ExplicitFloat64() => _f64.TakeStep(_dt);

    /// <summary>One explicit float32 step (SIMD, parallel rows), per cell update.</summary>
    [Benchmark]
    public void ExplicitFloat32() => _f32.TakeStep(_dt);

    /// <summary>The scalar twin (float64, parallel rows), per cell update.</summary>
    [Benchmark]
    public void ExplicitFloat64Scalar() => _scalar.TakeStep(_dt);
}
