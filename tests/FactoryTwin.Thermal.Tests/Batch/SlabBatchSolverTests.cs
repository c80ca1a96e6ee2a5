using FactoryTwin.Thermal.Batch;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.TestSupport;

namespace FactoryTwin.Thermal.Tests.Batch;

public sealed class SlabBatchSolverTests
{
    [Fact]
    public void TakeStep_PlaneWallConvectionBothFaces_MatchesSeriesSolution()
    {
        // the oven path: same Bi = 1 wall as the single-problem test, 3 identical slabs in one batch
        const double L = 0.05, k = 1.0, rc = 1e6, h = 20.0, ti = 300.0, tInf = 400.0, t = 1200.0;
        const int cells = 200;
        using var batch = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 3, CellsPerProblem = cells, Scheme = TimeScheme.CrankNicolson });
        for (var p = 0; p < 3; p++)
        {
            batch.SetSlab(p, 2 * L, new Material(k, rc, 1.0), ti);
            batch.West.Set(p, h, tInf);
            batch.East.Set(p, h, tInf);
        }

        for (var s = 0; s < 1200; s++)
        {
            batch.TakeStep(1.0);
        }

        var dx = 2 * L / cells;
        var eigen = Exact.PlaneWallEigenvalues(h * L / k, 60);
        var surface = Exact.PlaneWall(L - (0.5 * dx), L, k / rc, t, h * L / k, ti, tInf, eigen);
        var mid = Exact.PlaneWall(0.5 * dx, L, k / rc, t, h * L / k, ti, tInf, eigen);
        Assert.True(Math.Abs(batch.GetTemperature(1, cells - 1) - surface) < 0.05);
        Assert.True(Math.Abs(batch.GetTemperature(1, 0) - surface) < 0.05);
        Assert.True(Math.Abs(batch.GetTemperature(2, cells / 2) - mid) < 0.05);
    }

    [Fact]
    public void TakeStep_MatchesSingleProblemSolverWithSameBoundaries()
    {
        // one slab with convection + radiation on one face, convection on the other, vs the general 1-D solver
        const double thickness = 0.002;
        const int cells = 12;
        var steel = Material.Steel;
        using var batch = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 5, CellsPerProblem = cells });
        for (var p = 0; p < 5; p++)
        {
            batch.SetSlab(p, thickness, steel, 300.0);
            batch.West.Set(p, 40.0, 470.0, 0.8, 520.0);
            batch.East.Set(p, 15.0, 450.0);
        }

        var problem = new HeatProblem(Grid.Create1D(cells, thickness), steel, 300.0)
            .SetBoundary(BoundaryFace.West, BoundaryCondition.ConvectionAndRadiation(Schedule.Constant(40.0), Schedule.Constant(470.0), 0.8, Schedule.Constant(520.0)))
            .SetBoundary(BoundaryFace.East, BoundaryCondition.Convection(15.0, 450.0));
        using var single = HeatSolver.Create(problem);
        for (var s = 0; s < 50; s++)
        {
            batch.TakeStep(2.0);
            single.TakeStep(2.0);
        }

        for (var i = 0; i < cells; i++)
        {
            Assert.True(Math.Abs(single.GetTemperature(i) - batch.GetTemperature(3, i)) < 1e-9);
        }
    }

    [Fact]
    public void TakeStep_InsulatedSlabs_ConserveEnergy()
    {
        using var batch = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 4, CellsPerProblem = 9, Scheme = TimeScheme.CrankNicolson });
        var profile = new double[9];
        for (var p = 0; p < 4; p++)
        {
            batch.SetSlab(p, 0.001 * (p + 1), Material.Steel, 300.0);
        }

        var e0 = batch.ThermalEnergy(2);
        batch.West.Set(2, 100.0, 500.0);
        batch.TakeStep(1.0);
        batch.West.Set(2, 0.0, 500.0);
        var e1 = batch.ThermalEnergy(2);
        for (var s = 0; s < 100; s++)
        {
            batch.TakeStep(0.5);
        }

        batch.CopyProblem(2, profile);
        Assert.True(e1 > e0);
        Assert.True(Math.Abs(batch.ThermalEnergy(2) - e1) / e1 < 1e-12);
        Assert.True(profile[8] - profile[0] < 1e-6, "an insulated slab relaxes to a uniform temperature");
    }

    [Fact]
    public void Sample_ChosenCells_AreLaidOutProblemMajor()
    {
        using var batch = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 3, CellsPerProblem = 4 });
        for (var p = 0; p < 3; p++)
        {
            batch.SetSlab(p, 0.001, Material.Steel, 300.0 + p);
        }

        var samples = new double[6];
        batch.Sample([0, 3], samples);
        Assert.Equal([300.0, 300.0, 301.0, 301.0, 302.0, 302.0], samples);
    }

    [Fact]
    public void TakeStep_SimdAndScalarTwin_Agree()
    {
        using var simd = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 101, CellsPerProblem = 15 });
        using var scalar = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 101, CellsPerProblem = 15, Backend = HeatBackend.CpuScalar });
        foreach (var b in new[] { simd, scalar })
        {
            for (var p = 0; p < 101; p++)
            {
                b.SetSlab(p, 0.0007 + (0.00002 * p), Material.Steel, 293.0);
                b.West.Set(p, 20 + p, 480, 0.9);
                b.East.Set(p, 10, 460);
            }

            for (var s = 0; s < 20; s++)
            {
                b.TakeStep(1.0);
            }
        }

        for (var p = 0; p < 101; p++)
        {
            for (var i = 0; i < 15; i++)
            {
                Assert.Equal(scalar.GetTemperature(p, i), simd.GetTemperature(p, i), 10);
            }
        }
    }

    [Fact]
    public void Create_ExplicitScheme_IsRefused() =>
        Assert.Throws<NotSupportedException>(() => SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 1, Scheme = TimeScheme.Explicit }));
}
