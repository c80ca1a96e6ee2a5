using BenchmarkDotNet.Attributes;
using FactoryTwin.Thermal.Batch;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Benchmarks.Thermal;

/// <summary>Batched 1-D backward Euler: 10,000 steel slabs × 50 cells, convection + radiation, one step per invocation (steps/s = 1/Mean).</summary>
[MemoryDiagnoser]
public class SlabBatchBenchmarks
{
    private const int Problems = 10_000;
    private const int Cells = 50;
    private SlabBatchSolver _scalar = null!;
    private SlabBatchSolver _simd = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scalar = Build(HeatBackend.CpuScalar);
        _simd = Build(HeatBackend.Cpu);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scalar.Dispose();
        _simd.Dispose();
    }

    /// <summary>Scalar twin, parallel blocks (baseline).</summary>
    [Benchmark(Baseline = true)]
    public void Scalar() => _scalar.TakeStep(1.0);

    /// <summary>SIMD across slabs, parallel blocks.</summary>
    [Benchmark]
    public void Simd() => _simd.TakeStep(1.0);

    private static SlabBatchSolver Build(HeatBackend backend)
    {
        var b = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = Problems, CellsPerProblem = Cells, Backend = backend });
        for (var p = 0; p < Problems; p++)
        {
            b.SetSlab(p, 0.0007 + (0.0023 * p / Problems), Material.Steel, 293.0);
            b.West.Set(p, 30.0, 450.0, 0.9, 470.0);
            b.East.Set(p, 15.0, 440.0);
        }

        return b;
    }
}
