using System.Globalization;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Benchmarks.Thermal;

/// <summary>
/// One backward-Euler step on 1024² cells with variable coefficients (k varies ×4 in a checkerboard of 64-cell blocks)
/// and α·Δt/h² = 10 (for the larger k), solved to a 1e-8 relative residual. Goal: ≤ 0.16 s per step.
/// Iteration counts are written to the console in setup. <see cref="MultigridPcgSerial"/> is the same solve on one thread.
/// </summary>
[MemoryDiagnoser]
public class ImplicitStepBenchmarks
{
    private const int N = 1024;
    private IHeatSolver _jacobi = null!;
    private IHeatSolver _multigrid = null!;
    private IHeatSolver _multigridSerial = null!;
    private double _dt;

    [GlobalSetup]
    public void Setup()
    {
        var grid = Grid.Create2D(N, N, 1.0, 1.0);
        var problem = new HeatProblem(grid, new Material(4.0, 1.0, 1.0), 300.0);
        for (var j = 0; j < N; j++)
        {
            for (var i = 0; i < N; i++)
            {
                if (((i / 64) + (j / 64)) % 2 == 1)
                {
                    problem.SetMaterial(grid.Index(i, j), new Material(1.0, 1.0, 1.0));
                }

                problem.InitialTemperature[grid.Index(i, j)] = 300.0 + (50.0 * Math.Sin(i * 0.01) * Math.Cos(j * 0.013));
            }
        }

        problem.SetBoundary(BoundaryFace.West, BoundaryCondition.FixedTemperature(400.0))
            .SetBoundary(BoundaryFace.East, BoundaryCondition.Convection(100.0, 280.0));
        _dt = 10.0 * grid.Dx * grid.Dx / 4.0;
        _jacobi = HeatSolver.Create(problem, new HeatSolverOptions { Preconditioner = PreconditionerKind.Jacobi, MaxIterations = 5000 });
        _multigrid = HeatSolver.Create(problem, new HeatSolverOptions { Preconditioner = PreconditionerKind.Multigrid });
        _multigridSerial = HeatSolver.Create(problem, new HeatSolverOptions { Preconditioner = PreconditionerKind.Multigrid, ParallelThreshold = int.MaxValue });
        _jacobi.TakeStep(_dt);
        _multigrid.TakeStep(_dt);
        _multigridSerial.TakeStep(_dt);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// implicit 1024²: Jacobi-PCG {_jacobi.LastStep.Iterations} iterations (residual {_jacobi.LastStep.RelativeResidual:E2}), MG-PCG {_multigrid.LastStep.Iterations} iterations (residual {_multigrid.LastStep.RelativeResidual:E2})"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _jacobi.Dispose();
        _multigrid.Dispose();
        _multigridSerial.Dispose();
    }

    /// <summary>Jacobi-preconditioned CG (baseline).</summary>
    [Benchmark(Baseline = true)]
    public int JacobiPcg()
    {
        _jacobi.TakeStep(_dt);
        return _jacobi.LastStep.Iterations;
    }

    /// <summary>Multigrid-preconditioned CG.</summary>
    [Benchmark]
    public int MultigridPcg()
    {
        _multigrid.TakeStep(_dt);
        return _multigrid.LastStep.Iterations;
    }

    /// <summary>Multigrid-preconditioned CG on one thread (<c>ParallelThreshold = int.MaxValue</c>): shows what the fork/join costs or gains on this machine.</summary>
    [Benchmark]
    public int MultigridPcgSerial()
    {
        _multigridSerial.TakeStep(_dt);
        return _multigridSerial.LastStep.Iterations;
    }
}
