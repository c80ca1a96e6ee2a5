using FactoryTwin.Thermal.Explicit;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Explicit;

/// <summary>The large-grid path of the uniform 2-D stencil (streaming stores, pinned arrays) against the scalar twin.</summary>
public sealed class StreamingStencilTests
{
    [Theory]
    [InlineData(HeatPrecision.Binary64, 2051, 1024)]
    [InlineData(HeatPrecision.Binary32, 4099, 1030)]
    public void TakeStep_LargeUniform2D_AgreesWithScalarTwin(HeatPrecision precision, int nx, int ny)
    {
        var bytes = precision == HeatPrecision.Binary64 ? 8L : 4L;
        Assert.True(nx * ny * bytes >= ExplicitCpuSolver<double>.NonTemporalBytes, "the grid must be large enough to take the streaming path");
        var grid = Grid.Create2D(nx, ny, 1.0, 0.5);
        var problem = new HeatProblem(grid, Material.Steel, 300.0);
        for (var i = 0; i < grid.CellCount; i += 997)
        {
            problem.InitialTemperature[i] = 300.0 + (i % 101);
        }

        problem.SetBoundary(BoundaryFace.North, BoundaryCondition.Convection(50.0, 400.0));
        using var fast = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = precision });
        using var reference = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Precision = precision, Backend = HeatBackend.CpuScalar });
        var dt = 0.9 * fast.StableTimeStep;

        for (var s = 0; s < 3; s++)
        {
            fast.TakeStep(dt);
            reference.TakeStep(dt);
        }

        var tolerance = precision == HeatPrecision.Binary64 ? 1e-9 : 1e-3;
        var a = new double[grid.CellCount];
        var b = new double[grid.CellCount];
        fast.CopyTemperature(a);
        reference.CopyTemperature(b);
        var worst = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        Assert.InRange(worst, 0.0, tolerance);
    }
}
