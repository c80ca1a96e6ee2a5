using FactoryTwin.Thermal.Batch;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.TestSupport;

namespace FactoryTwin.Thermal.Tests.Solver;

/// <summary>The conformance suite every backend passes; grids are tiny so the ILGPU CPU emulator stays fast.</summary>
public abstract class HeatSolverBackendTests
{
    /// <summary>The backend under test.</summary>
    protected abstract HeatBackend Backend { get; }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void TakeStep_Explicit_AgreesWithScalarReference(int dims)
    {
        var grid = dims == 2 ? Grid.Create2D(11, 9, 0.11, 0.09) : Grid.Create3D(6, 5, 4, 0.06, 0.05, 0.04);
        var problem = Cases.Variable(grid, seed: 21, insulated: false);
        using var solver = Create(problem);
        using var reference = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Backend = HeatBackend.CpuScalar });
        var dt = 0.9 * reference.StableTimeStep;
        for (var s = 0; s < 10; s++)
        {
            solver.TakeStep(dt);
            reference.TakeStep(dt);
        }

        for (var i = 0; i < grid.CellCount; i++)
        {
            Assert.True(Math.Abs(solver.GetTemperature(i) - reference.GetTemperature(i)) < 1e-9, $"cell {i}");
        }
    }

    [Fact]
    public void TakeStep_ExplicitInsulated_ConservesEnergy()
    {
        var problem = Cases.Variable(Grid.Create2D(10, 8, 0.1, 0.08), seed: 22, insulated: true);
        using var solver = Create(problem);
        var e0 = solver.ThermalEnergy();
        var dt = 0.9 * solver.StableTimeStep;
        for (var s = 0; s < 10; s++)
        {
            solver.TakeStep(dt);
        }

        Assert.True(Math.Abs(solver.ThermalEnergy() - e0) / e0 < 1e-10);
    }

    [Fact]
    public void TakeStep_ExplicitAboveBound_IsRefused()
    {
        using var solver = Create(new HeatProblem(Grid.Create2D(6, 6, 0.06, 0.06), Material.Steel, 300.0));
        Assert.Throws<UnstableTimeStepException>(() => solver.TakeStep(2 * solver.StableTimeStep));
    }

    [Theory]
    [InlineData(TimeScheme.BackwardEuler)]
    [InlineData(TimeScheme.CrankNicolson)]
    public void SlabBatch_AgreesWithCpuScalar(TimeScheme scheme)
    {
        Assert.SkipWhen(Backend == HeatBackend.Cuda && !HeatSolver.IsBackendAvailable(HeatBackend.Cuda), "No CUDA device is present.");
        using var batch = CreateBatch(37, 7, scheme);
        using var reference = SlabBatchSolverFactory(37, 7, scheme, HeatBackend.CpuScalar);
        for (var s = 0; s < 5; s++)
        {
            foreach (var b in new[] { batch, reference })
            {
                for (var p = 0; p < 37; p++)
                {
                    b.West.Set(p, 10 + p, 400 + s, 0.5 * (p % 2), 600);
                    b.East.Set(p, 5, 350);
                }

                b.TakeStep(1.5);
            }
        }

        for (var p = 0; p < 37; p++)
        {
            for (var i = 0; i < 7; i++)
            {
                Assert.True(Math.Abs(batch.GetTemperature(p, i) - reference.GetTemperature(p, i)) < 1e-9);
            }
        }
    }

    /// <summary>Creates an explicit float64 solver on <see cref="Backend"/>.</summary>
    protected virtual IHeatSolver Create(HeatProblem problem) =>
        HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Backend = Backend });

    private static SlabBatchSolver SlabBatchSolverFactory(int n, int m, TimeScheme scheme, HeatBackend backend)
    {
        var b = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = n, CellsPerProblem = m, Scheme = scheme, Backend = backend });
        for (var p = 0; p < n; p++)
        {
            b.SetSlab(p, 0.0007 + (0.0001 * p), Material.Steel, 290 + p);
        }

        return b;
    }

    private SlabBatchSolver CreateBatch(int n, int m, TimeScheme scheme) => SlabBatchSolverFactory(n, m, scheme, Backend);
}
