using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>fine.X[i] += coarse.X[parent(i)] over fine rows (piecewise-constant prolongation P).</summary>
internal readonly struct ProlongKernel(MultigridLevel fine, MultigridLevel coarse) : IRowKernel
{
    public void Rows(int start, int end)
    {
        var nx = fine.Nx;
        var ny = fine.Ny;
        for (var r = start; r < end; r++)
        {
            var j = r % ny;
            var k = r / ny;
            var f = fine.X.AsSpan(r * nx, nx);
            var c = coarse.X.AsSpan(coarse.Nx * ((j / 2) + (coarse.Ny * (k / 2))), coarse.Nx);
            for (var i = 0; i < f.Length; i++)
            {
                f[i] += c[i >> 1];
            }
        }
    }
}
