using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// coarse = Pᵀ·fine over coarse rows (each coarse row owns its children, so rows run in parallel without races):
/// the coarse row is cleared, then coarse[parent(i)] += fine[i] for its 2 (2-D) or 4 (3-D) fine rows.
/// </summary>
internal readonly struct RestrictKernel(StencilMatrix fine, double[] fineValues, StencilMatrix coarse, double[] coarseValues) : IRowKernel
{
    public void Rows(int start, int end)
    {
        var nx = fine.Nx;
        var ny = fine.Ny;
        var nz = fine.Nz;
        var cnx = coarse.Nx;
        var cny = coarse.Ny;
        for (var r = start; r < end; r++)
        {
            var cj = r % cny;
            var ck = r / cny;
            var cb = r * cnx;
            var row = coarseValues.AsSpan(cb, cnx);
            row.Clear();
            for (var k = 2 * ck; k < Math.Min(nz, (2 * ck) + 2); k++)
            {
                for (var j = 2 * cj; j < Math.Min(ny, (2 * cj) + 2); j++)
                {
                    var f = fineValues.AsSpan(nx * (j + (ny * k)), nx);
                    var i = 0;
                    for (; i + 1 < nx; i += 2)
                    {
                        row[i >> 1] += f[i] + f[i + 1];
                    }

                    if (i < nx)
                    {
                        row[i >> 1] += f[i];
                    }
                }
            }
        }
    }
}
