using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.TestSupport;

namespace FactoryTwin.Thermal.Tests.Implicit;

public sealed class ImplicitCpuSolverTests
{
    private readonly ITestOutputHelper _output;

    public ImplicitCpuSolverTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TakeStep_PlaneWallConvectionBothFaces_MatchesSeriesSolution()
    {
        // wall 2L = 0.1 m, k = 1 W/(m K), ρc = 1e6 J/(m³ K) (α = 1e-6 m²/s), h = 20 W/(m² K): Bi = hL/k = 1
        const double L = 0.05, k = 1.0, rc = 1e6, h = 20.0, ti = 300.0, tInf = 400.0, t = 1200.0;
        const int cells = 400;
        var grid = Grid.Create1D(cells, 2 * L);
        var problem = new HeatProblem(grid, new Material(k, rc, 1.0), ti)
            .SetAllBoundaries(BoundaryCondition.Convection(h, tInf));
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.CrankNicolson });
        solver.Advance(t, maxStep: 1.0, TestContext.Current.CancellationToken);

        var eigen = Exact.PlaneWallEigenvalues(h * L / k, 60);
        var alpha = k / rc;
        var xSurfaceCell = grid.CentreX(cells - 1) - L;
        var surface = Exact.PlaneWall(xSurfaceCell, L, alpha, t, h * L / k, ti, tInf, eigen);
        var mid = Exact.PlaneWall(0.5 * grid.Dx, L, alpha, t, h * L / k, ti, tInf, eigen);
        var errSurface = Math.Abs(solver.GetTemperature(cells - 1) - surface);
        var errMid = Math.Abs(solver.GetTemperature(cells / 2) - mid);
        _output.WriteLine($"surface {surface:F4} K err {errSurface:E2}; mid {mid:F4} K err {errMid:E2}");
        Assert.True(errSurface < 0.05, $"surface error {errSurface}");
        Assert.True(errMid < 0.05, $"mid-plane error {errMid}");
        Assert.True(surface - ti > 10.0, "the case must actually heat up");
    }

    [Fact]
    public void TakeStep_SemiInfiniteSurfaceStep_MatchesErfc()
    {
        // T(x,t) = Ts + (Ti − Ts)·erf(x/(2√(αt))); domain 0.1 m ≫ 2√(αt) = 0.02 m
        const double alpha = 1e-6, ts = 400.0, ti = 300.0, t = 100.0;
        const int cells = 1000;
        var grid = Grid.Create1D(cells, 0.1);
        var problem = new HeatProblem(grid, new Material(1.0, 1e6, 1.0), ti)
            .SetBoundary(BoundaryFace.West, BoundaryCondition.FixedTemperature(ts));
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.CrankNicolson });
        solver.Advance(t, maxStep: 0.05, TestContext.Current.CancellationToken);

        var maxErr = 0.0;
        for (var i = 0; i < 300; i++)
        {
            var x = grid.CentreX(i);
            var exact = ts + ((ti - ts) * (1.0 - Exact.Erfc(x / (2.0 * Math.Sqrt(alpha * t)))));
            maxErr = Math.Max(maxErr, Math.Abs(solver.GetTemperature(i) - exact));
        }

        _output.WriteLine($"max error {maxErr:E2} K");
        Assert.True(maxErr < 0.05, $"max error {maxErr}");
    }

    [Fact]
    public void TakeStep_ManufacturedSolution2D_SecondOrderInSpace()
    {
        // u = exp(−2π²αt)·sin(πx)·sin(πy) on the unit square, u = 0 on the boundary; CN with a small step isolates the space error
        var n = new[] { 16, 32, 64 };
        var h = new double[n.Length];
        var err = new double[n.Length];
        for (var r = 0; r < n.Length; r++)
        {
            h[r] = 1.0 / n[r];
            err[r] = ManufacturedError(n[r], TimeScheme.CrankNicolson, 0.05, 0.05 / 200);
        }

        var order = Exact.ObservedOrder(h, err);
        _output.WriteLine($"errors {string.Join(", ", err.Select(e => e.ToString("E3", System.Globalization.CultureInfo.InvariantCulture)))}; order {order:F3}");
        Assert.InRange(order, 1.85, 2.2);
    }

    [Theory]
    [InlineData(TimeScheme.BackwardEuler, 1.0)]
    [InlineData(TimeScheme.CrankNicolson, 2.0)]
    public void TakeStep_ManufacturedSolution2D_ExpectedOrderInTime(TimeScheme scheme, double expected)
    {
        // same grid for all runs: the error against a very fine-step CN reference is the time error alone
        const int n = 32;
        const double tEnd = 0.05;
        var reference = Run(n, TimeScheme.CrankNicolson, tEnd, tEnd / 2048);
        var steps = new[] { 8, 16, 32, 64 };
        var dts = new double[steps.Length];
        var err = new double[steps.Length];
        for (var r = 0; r < steps.Length; r++)
        {
            dts[r] = tEnd / steps[r];
            var u = Run(n, scheme, tEnd, dts[r]);
            err[r] = MaxDiff(u, reference);
        }

        var order = Exact.ObservedOrder(dts, err);
        _output.WriteLine($"{scheme}: errors {string.Join(", ", err.Select(e => e.ToString("E3", System.Globalization.CultureInfo.InvariantCulture)))}; order {order:F3}");
        Assert.InRange(order, expected - 0.15, expected + 0.2);
    }

    [Fact]
    public void TakeStep_InsulatedVariableMaterials_ConservesEnergy()
    {
        var problem = Cases.Variable(Grid.Create2D(24, 20, 0.24, 0.2), seed: 7, insulated: true);
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.BackwardEuler, Tolerance = 1e-14 });
        var e0 = solver.ThermalEnergy();
        for (var s = 0; s < 20; s++)
        {
            solver.TakeStep(5.0);
        }

        var rel = Math.Abs(solver.ThermalEnergy() - e0) / e0;
        _output.WriteLine($"relative energy change {rel:E2}, last step {solver.LastStep}");
        Assert.True(rel < 1e-10, $"relative energy change {rel}");
    }

    [Fact]
    public void TakeStep_ScalarAndSimd_Agree()
    {
        var problem = Cases.Variable(Grid.Create2D(37, 23, 0.37, 0.23), seed: 3, insulated: false);
        using var simd = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.CrankNicolson, Tolerance = 1e-13 });
        using var scalar = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.CrankNicolson, Tolerance = 1e-13, Backend = HeatBackend.CpuScalar });
        for (var s = 0; s < 5; s++)
        {
            simd.TakeStep(2.0);
            scalar.TakeStep(2.0);
        }

        Assert.True(MaxDiff(simd, scalar) < 1e-9);
    }

    [Fact]
    public void TakeStep_MultigridAndJacobi_AgreeAndMultigridNeedsFewerIterations()
    {
        var problem = Cases.Variable(Grid.Create2D(64, 64, 0.064, 0.064), seed: 11, insulated: false);
        using var mg = HeatSolver.Create(problem, new HeatSolverOptions { Tolerance = 1e-12 });
        using var jac = HeatSolver.Create(problem, new HeatSolverOptions { Tolerance = 1e-12, Preconditioner = PreconditionerKind.Jacobi, MaxIterations = 5000 });
        mg.TakeStep(50.0);
        jac.TakeStep(50.0);
        _output.WriteLine($"multigrid {mg.LastStep}, jacobi {jac.LastStep}");
        Assert.True(MaxDiff(mg, jac) < 1e-7);
        Assert.True(mg.LastStep.Iterations < jac.LastStep.Iterations);
    }

    [Fact]
    public void TakeStep_3DVariableMaterials_ConvergesToTolerance()
    {
        var problem = Cases.Variable(Grid.Create3D(12, 10, 9, 0.12, 0.1, 0.09), seed: 5, insulated: false);
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.BackwardEuler });
        solver.TakeStep(100.0);
        Assert.InRange(solver.LastStep.RelativeResidual, 0.0, 1e-8);
        Assert.InRange(solver.LastStep.Iterations, 1, 60);
    }

    [Fact]
    public void TakeStep_ThinSlabRadiation_MatchesLumpedOde()
    {
        // 1 mm steel radiating on one face (ε = 0.9, Tr = 600 K): Bi ≪ 1, so ρcL·dT/dt = εσ(Tr⁴ − T⁴) (RK4 reference)
        var steel = Material.Steel;
        const double l = 0.001, eps = 0.9, tr = 600.0, t0 = 300.0, tEnd = 120.0;
        var problem = new HeatProblem(Grid.Create1D(10, l), steel, t0)
            .SetBoundary(BoundaryFace.West, BoundaryCondition.Radiation(eps, Schedule.Constant(tr)));
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.CrankNicolson });
        solver.Advance(tEnd, maxStep: 0.1, TestContext.Current.CancellationToken);
        var mean = solver.ThermalEnergy() / (steel.VolumetricHeatCapacity * l);

        var y = t0;
        const double dt = 0.01;
        double F(double tt) => eps * BoundaryCondition.StefanBoltzmann * ((tr * tr * tr * tr) - (tt * tt * tt * tt)) / (steel.VolumetricHeatCapacity * l);
        for (var s = 0; s < (int)(tEnd / dt); s++)
        {
            var k1 = F(y);
            var k2 = F(y + (0.5 * dt * k1));
            var k3 = F(y + (0.5 * dt * k2));
            var k4 = F(y + (dt * k3));
            y += dt / 6 * (k1 + (2 * k2) + (2 * k3) + k4);
        }

        _output.WriteLine($"pde mean {mean:F4} K, ode {y:F4} K");
        Assert.True(Math.Abs(mean - y) < 0.1, $"{mean} vs {y}");
    }

    private static double ManufacturedError(int n, TimeScheme scheme, double tEnd, double dt)
    {
        var u = Run(n, scheme, tEnd, dt);
        var decay = Math.Exp(-2 * Math.PI * Math.PI * tEnd);
        var max = 0.0;
        var grid = Grid.Create2D(n, n, 1, 1);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var exact = decay * Math.Sin(Math.PI * grid.CentreX(i)) * Math.Sin(Math.PI * grid.CentreY(j));
                max = Math.Max(max, Math.Abs(u[grid.Index(i, j)] - exact));
            }
        }

        return max;
    }

    private static double[] Run(int n, TimeScheme scheme, double tEnd, double dt)
    {
        var grid = Grid.Create2D(n, n, 1, 1);
        var problem = new HeatProblem(grid, new Material(1, 1, 1), 0.0).SetAllBoundaries(BoundaryCondition.FixedTemperature(0.0));
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                problem.InitialTemperature[grid.Index(i, j)] = Math.Sin(Math.PI * grid.CentreX(i)) * Math.Sin(Math.PI * grid.CentreY(j));
            }
        }

        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = scheme, Tolerance = 1e-12 });
        solver.Advance(tEnd, dt, TestContext.Current.CancellationToken);
        var u = new double[grid.CellCount];
        solver.CopyTemperature(u);
        return u;
    }

    private static double MaxDiff(double[] a, double[] b)
    {
        var m = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            m = Math.Max(m, Math.Abs(a[i] - b[i]));
        }

        return m;
    }

    private static double MaxDiff(IHeatSolver a, IHeatSolver b)
    {
        var n = a.Grid.CellCount;
        var m = 0.0;
        for (var i = 0; i < n; i++)
        {
            m = Math.Max(m, Math.Abs(a.GetTemperature(i) - b.GetTemperature(i)));
        }

        return m;
    }
}
