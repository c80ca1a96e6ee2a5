using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.Solver;

namespace FactoryTwin.Thermal.Tests.Gpu;

/// <summary>The conformance suite on a real CUDA device; every test is skipped when none is present.</summary>
[Trait("Category", "Gpu")]
public sealed class CudaBackendTests : HeatSolverBackendTests
{
    protected override HeatBackend Backend => HeatBackend.Cuda;

    [GpuFact]
    public void TakeStep_LargeGridOnCuda_AgreesWithCpu()
    {
        var grid = Grid.Create2D(512, 384, 0.512, 0.384);
        var problem = TestSupport.Cases.Variable(grid, seed: 31, insulated: false);
        using var gpu = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit, Backend = HeatBackend.Cuda });
        using var cpu = HeatSolver.Create(problem, new HeatSolverOptions { Scheme = TimeScheme.Explicit });
        var dt = 0.9 * cpu.StableTimeStep;
        for (var s = 0; s < 50; s++)
        {
            gpu.TakeStep(dt);
            cpu.TakeStep(dt);
        }

        var a = new double[grid.CellCount];
        var b = new double[grid.CellCount];
        gpu.CopyTemperature(a);
        cpu.CopyTemperature(b);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - b[i]) < 1e-9);
        }
    }

    protected override IHeatSolver Create(HeatProblem problem)
    {
        Assert.SkipUnless(CudaProbe.IsAvailable, "No CUDA device is present.");
        return base.Create(problem);
    }
}
