using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Solver;

public sealed class HeatSolverTests
{
    [Fact]
    public void Create_Binary32Implicit_IsRefused() =>
        Assert.Throws<NotSupportedException>(() => HeatSolver.Create(
            new HeatProblem(Grid.Create1D(4, 0.1), Material.Steel, 300.0),
            new HeatSolverOptions { Precision = HeatPrecision.Binary32, Scheme = TimeScheme.BackwardEuler }));

    [Fact]
    public void Create_NullProblem_Throws() => Assert.Throws<ArgumentNullException>(() => HeatSolver.Create(null!));

    [Fact]
    public void TakeStep_TimeVaryingFluidTemperature_FollowsSchedule()
    {
        // a thin, highly conductive slab with strong convection tracks T∞(t) = 300 K → 400 K over 100 s
        var problem = new HeatProblem(Grid.Create1D(4, 0.0001), new Material(400, 100, 1), 300.0)
            .SetAllBoundaries(BoundaryCondition.Convection(Schedule.Constant(1e5), Schedule.PiecewiseLinear([0.0, 100.0], [300.0, 400.0])));
        using var solver = HeatSolver.Create(problem);
        solver.Advance(50.0, 0.5, TestContext.Current.CancellationToken);
        Assert.Equal(350.0, solver.GetTemperature(1), 0);
        Assert.Equal(50.0, solver.Time, 9);
    }

    [Fact]
    public void TakeStep_SteadyStateFixedTemperatures_IsLinear()
    {
        // 1-D steady state between 300 K and 400 K faces is linear in x
        var grid = Grid.Create1D(10, 1.0);
        var problem = new HeatProblem(grid, new Material(1, 1, 1), 300.0)
            .SetBoundary(BoundaryFace.West, BoundaryCondition.FixedTemperature(300.0))
            .SetBoundary(BoundaryFace.East, BoundaryCondition.FixedTemperature(400.0));
        using var solver = HeatSolver.Create(problem);
        for (var s = 0; s < 50; s++)
        {
            solver.TakeStep(1e4);
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(300.0 + (100.0 * grid.CentreX(i)), solver.GetTemperature(i), 8);
        }
    }
}
