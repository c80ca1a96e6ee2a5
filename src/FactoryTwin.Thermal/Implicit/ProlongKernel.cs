using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>fine[i] += coarse[parent(i)] over fine rows (piecewise-constant prolongation P).</summary>
internal readonly struct ProlongKernel(StencilMatrix fine, double[] fineValues, StencilMatrix coarse, double[] coarseValues) : IRowKernel
{
    public void Rows(int start, int end)
    {
        var nx = fine.Nx;
        var ny = fine.Ny;
        for (var r = start; r < end; r++)
        {
            var j = r % ny;
            var k = r / ny;
            var f = fineValues.AsSpan(r * nx, nx);
            var c = coarseValues.AsSpan(coarse.Nx * ((j / 2) + (coarse.Ny * (k / 2))), coarse.Nx);
            for (var i = 0; i < f.Length; i++)
            {
                f[i] += c[i >> 1];
            }
        }
    }
}
