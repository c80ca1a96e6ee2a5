using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.TestSupport;

namespace FactoryTwin.Thermal.Tests.Explicit;

public sealed class ExplicitCpuSolverTests
{
    [Fact]
    public void TakeStep_AboveStabilityBound_IsRefusedNamingTheBound()
    {
        // uniform 2-D, insulated: the bound is Δx²/(4α)
        var grid = Grid.Create2D(20, 20, 0.2, 0.2);
        var mat = new Material(1.0, 1e6, 1.0);
        using var solver = HeatSolver.Create(new HeatProblem(grid, mat, 300.0), new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        var bound = grid.Dx * grid.Dx / (4 * mat.Diffusivity);
        Assert.Equal(bound, solver.StableTimeStep, 9);

        var ex = Assert.Throws<UnstableTimeStepException>(() => solver.TakeStep(1.01 * bound));
        Assert.Contains("stability bound", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alpha*dt/dx^2 <= 1/(2d)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(bound, ex.StableLimit, 9);
        solver.TakeStep(0.99 * bound);
    }

    [Fact]
    public void StableTimeStep_DirichletBoundary_IsTighterThanInterior()
    {
        // 1-D with fixed temperature: the boundary cell sees k/Δx² + 2k/Δx², so dt ≤ Δx²/(3α)
        var grid = Grid.Create1D(10, 0.1);
        var mat = new Material(1.0, 1e6, 1.0);
        var problem = new HeatProblem(grid, mat, 300.0).SetBoundary(BoundaryFace.West, BoundaryCondition.FixedTemperature(400.0));
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        Assert.Equal(grid.Dx * grid.Dx / (3 * mat.Diffusivity), solver.StableTimeStep, 9);
    }

    [Theory]
    [InlineData(HeatPrecision.Binary64, 1e-12)]
    [InlineData(HeatPrecision.Binary32, 1e-7)]
    public void TakeStep_InsulatedVariableMaterials_ConservesEnergy(HeatPrecision precision, double tolerance)
    {
        var problem = Cases.Variable(Grid.Create3D(9, 8, 7, 0.09, 0.08, 0.07), seed: 2, insulated: true);
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = precision });
        var e0 = solver.ThermalEnergy();
        solver.Advance(20.0, cancellationToken: TestContext.Current.CancellationToken);
        var rel = Math.Abs(solver.ThermalEnergy() - e0) / e0;
        Assert.True(rel < tolerance, $"relative energy change {rel}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TakeStep_SimdAndScalarTwin_Agree(bool uniform)
    {
        var grid = Grid.Create2D(45, 19, 0.45, 0.19);
        var problem = uniform
            ? new HeatProblem(grid, Material.Steel, 300.0).SetBoundary(BoundaryFace.North, BoundaryCondition.Convection(50, 500))
            : Cases.Variable(grid, seed: 9, insulated: false);
        if (uniform)
        {
            problem.InitialTemperature[100] = 900.0;
        }

        foreach (var precision in new[] { HeatPrecision.Binary64, HeatPrecision.Binary32 })
        {
            using var simd = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = precision });
            using var scalar = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = precision, Backend = HeatBackend.CpuScalar });
            var dt = 0.9 * simd.StableTimeStep;
            for (var s = 0; s < 30; s++)
            {
                simd.TakeStep(dt);
                scalar.TakeStep(dt);
            }

            for (var i = 0; i < grid.CellCount; i++)
            {
                Assert.True(Math.Abs(simd.GetTemperature(i) - scalar.GetTemperature(i)) < (precision == HeatPrecision.Binary64 ? 1e-10 : 1e-3));
            }
        }
    }

    [Fact]
    public void TakeStep_Binary32_AgreesWithBinary64()
    {
        var problem = Cases.Variable(Grid.Create2D(30, 30, 0.3, 0.3), seed: 4, insulated: false);
        using var f64 = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        using var f32 = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = HeatPrecision.Binary32 });
        f64.Advance(30.0, cancellationToken: TestContext.Current.CancellationToken);
        f32.Advance(30.0, cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < problem.Grid.CellCount; i++)
        {
            Assert.True(Math.Abs(f64.GetTemperature(i) - f32.GetTemperature(i)) < 0.01);
        }
    }

    [Fact]
    public void Advance_ExplicitAndImplicit_Agree()
    {
        // same problem, explicit at its own stable step vs Crank–Nicolson with a small step: both converge to the PDE
        var problem = Cases.Variable(Grid.Create2D(20, 16, 0.2, 0.16), seed: 8, insulated: false);
        using var ex = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        using var cn = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.CrankNicolson, Tolerance = 1e-12 });
        var dt = ex.StableTimeStep * 0.1;
        ex.Advance(60.0, dt, TestContext.Current.CancellationToken);
        cn.Advance(60.0, dt, TestContext.Current.CancellationToken);
        var max = 0.0;
        for (var i = 0; i < problem.Grid.CellCount; i++)
        {
            max = Math.Max(max, Math.Abs(ex.GetTemperature(i) - cn.GetTemperature(i)));
        }

        Assert.True(max < 0.05, $"max difference {max} K");
    }

    [Fact]
    public void Advance_SemiInfiniteSurfaceStep_MatchesErfc()
    {
        const double alpha = 1e-6, ts = 400.0, ti = 300.0, t = 100.0;
        var grid = Grid.Create1D(500, 0.1);
        var problem = new HeatProblem(grid, new Material(1.0, 1e6, 1.0), ti).SetBoundary(BoundaryFace.West, BoundaryCondition.FixedTemperature(ts));
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        solver.Advance(t, cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < 150; i++)
        {
            var exact = ts + ((ti - ts) * (1.0 - Exact.Erfc(grid.CentreX(i) / (2.0 * Math.Sqrt(alpha * t)))));
            Assert.True(Math.Abs(solver.GetTemperature(i) - exact) < 0.05);
        }
    }
}
