using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.TestSupport;

namespace FactoryTwin.Thermal.Tests.Implicit;

/// <summary>Runs alone (no other test may hold the worker pool, or the step would fall back to Parallel.For, which allocates).</summary>
[Collection(nameof(ImplicitCpuSolverAllocationTests))]
[CollectionDefinition(nameof(ImplicitCpuSolverAllocationTests), DisableParallelization = true)]
public sealed class ImplicitCpuSolverAllocationTests
{
    [Theory]
    [InlineData(1 << 10)]
    [InlineData(int.MaxValue)]
    public void TakeStep_Multigrid2D_AllocatesNothing(int parallelThreshold)
    {
        var problem = Cases.Variable(Grid.Create2D(96, 80, 0.96, 0.8), seed: 2, insulated: false);
        using var solver = HeatSolver.Create(problem, new HeatSolverOptions { ParallelThreshold = parallelThreshold });
        solver.TakeStep(10.0);
        solver.TakeStep(10.0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var s = 0; s < 3; s++)
        {
            solver.TakeStep(10.0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
