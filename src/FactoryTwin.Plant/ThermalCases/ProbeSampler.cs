using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>
/// Reads a probe's temperature: linear interpolation between the centres of the surrounding cells along each dimension
/// (bilinear in 2-D, trilinear in 3-D); within half a cell of a face the nearest cell centre's value holds.
/// </summary>
internal readonly struct ProbeSampler
{
    private readonly int[] _cells;
    private readonly double[] _weights;

    public ProbeSampler(Grid grid, int dimensions, ThermalPoint at)
    {
        var (i0, i1, wx) = Axis(at.X, grid.Dx, grid.Nx);
        var (j0, j1, wy) = dimensions >= 2 ? Axis(at.Y, grid.Dy, grid.Ny) : (0, 0, 0.0);
        var (k0, k1, wz) = dimensions >= 3 ? Axis(at.Z, grid.Dz, grid.Nz) : (0, 0, 0.0);
        _cells = new int[8];
        _weights = new double[8];
        var n = 0;
        for (var c = 0; c < 8; c++)
        {
            var i = (c & 1) == 0 ? i0 : i1;
            var j = (c & 2) == 0 ? j0 : j1;
            var k = (c & 4) == 0 ? k0 : k1;
            var w = ((c & 1) == 0 ? 1 - wx : wx) * ((c & 2) == 0 ? 1 - wy : wy) * ((c & 4) == 0 ? 1 - wz : wz);
            _cells[n] = grid.Index(i, j, k);
            _weights[n] = w;
            n++;
        }
    }

    public double Sample(IHeatSolver solver)
    {
        var sum = 0.0;
        for (var c = 0; c < _cells.Length; c++)
        {
            if (_weights[c] != 0.0)
            {
                sum += _weights[c] * solver.GetTemperature(_cells[c]);
            }
        }

        return sum;
    }

    private static (int Lo, int Hi, double Weight) Axis(double x, double delta, int n)
    {
        // position in units of cell centres: centre i sits at (i + 0.5)·Δ
        var s = Math.Clamp((x / delta) - 0.5, 0.0, n - 1);
        var lo = Math.Min((int)Math.Floor(s), n - 1);
        var hi = Math.Min(lo + 1, n - 1);
        return (lo, hi, hi == lo ? 0.0 : s - lo);
    }
}
