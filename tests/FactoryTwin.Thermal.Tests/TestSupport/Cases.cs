using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Thermal.Tests.TestSupport;

/// <summary>Small deterministic test problems.</summary>
internal static class Cases
{
    /// <summary>A grid with seeded random materials (k 1–50, ρc 1e6–4e6), a warm blob, optional boundaries.</summary>
    public static HeatProblem Variable(Grid grid, int seed, bool insulated)
    {
        var rng = new Random(seed);
        var p = new HeatProblem(grid, new Material(10, 1000, 1000), 300.0);
        for (var c = 0; c < grid.CellCount; c++)
        {
            p.SetMaterial(c, new Material(1.0 + (49.0 * rng.NextDouble()), 1000.0 + (3000.0 * rng.NextDouble()), 1000.0));
            p.InitialTemperature[c] = 300.0 + (100.0 * rng.NextDouble());
        }

        if (!insulated)
        {
            p.SetBoundary(BoundaryFace.West, BoundaryCondition.FixedTemperature(350.0));
            p.SetBoundary(BoundaryFace.East, BoundaryCondition.ConvectionAndRadiation(
                Schedule.PiecewiseLinear([0.0, 10.0], [20.0, 60.0]), Schedule.PiecewiseLinear([0.0, 10.0], [450.0, 500.0]), 0.8, Schedule.Constant(600.0)));
            if (grid.Dimensions > 1)
            {
                p.SetBoundary(BoundaryFace.South, BoundaryCondition.FixedFlux(Schedule.Constant(2000.0)));
                p.SetBoundary(BoundaryFace.North, BoundaryCondition.Convection(15.0, 290.0));
            }

            if (grid.Dimensions > 2)
            {
                p.SetBoundary(BoundaryFace.Top, BoundaryCondition.Radiation(0.5, Schedule.Constant(800.0)));
            }

            p.Source[grid.CellCount / 2] = 1e6;
        }

        return p;
    }
}
