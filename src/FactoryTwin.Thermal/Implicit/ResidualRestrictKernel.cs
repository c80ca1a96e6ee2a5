using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// coarseB = Pᵀ·(b − A·x), fused over coarse rows: each coarse row computes the residual of its 2 (2-D) or 4 (3-D) fine
/// rows and restricts them at once, while they are still in the L1/L2 cache, instead of a residual pass over the whole
/// fine grid followed by a restriction pass that reads it back. Coarse rows own their children, so rows run in parallel.
/// </summary>
internal readonly struct ResidualRestrictKernel(MultigridLevel fine, float[] b, float[] x, MultigridLevel coarse) : IRowKernel
{
    public void Rows(int start, int end)
    {
        var residual = new SmootherKernel(fine, b, x, 0, SmootherKernel.ModeResidual, [], []);
        var nx = fine.Nx;
        var ny = fine.Ny;
        var nz = fine.Nz;
        var cnx = coarse.Nx;
        var cny = coarse.Ny;
        var r = fine.R;
        for (var cr = start; cr < end; cr++)
        {
            var cj = cr % cny;
            var ck = cr / cny;
            var row = coarse.B.AsSpan(cr * cnx, cnx);
            row.Clear();
            for (var k = 2 * ck; k < Math.Min(nz, (2 * ck) + 2); k++)
            {
                for (var j = 2 * cj; j < Math.Min(ny, (2 * cj) + 2); j++)
                {
                    var fr = j + (ny * k);
                    _ = residual.Rows(fr, fr + 1);
                    // pair sums without bounds checks: i + 1 < nx and (i >> 1) < cnx = ⌈nx/2⌉ by construction
                    ref var f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(r), nx * fr);
                    ref var c = ref MemoryMarshal.GetReference(row);
                    var i = 0;
                    for (; i + 1 < nx; i += 2)
                    {
                        Unsafe.Add(ref c, i >> 1) += Unsafe.Add(ref f, i) + Unsafe.Add(ref f, i + 1);
                    }

                    if (i < nx)
                    {
                        Unsafe.Add(ref c, i >> 1) += Unsafe.Add(ref f, i);
                    }
                }
            }
        }
    }
}
