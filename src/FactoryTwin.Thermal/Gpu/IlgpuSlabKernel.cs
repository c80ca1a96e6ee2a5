using ILGPU;
using FactoryTwin.Thermal.Batch;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Gpu;

/// <summary>The ILGPU twin of <see cref="SlabBatchKernel.Scalar"/>: one thread per slab, coalesced cell-major layout.</summary>
internal static class IlgpuSlabKernel
{
    public static void Step(Index1D index, ArrayView<double> t, ArrayView<double> cpa, ArrayView<double> dpa, ArrayView<double> coef, ArrayView<double> bc, SlabParams sp)
    {
        int p = index;
        var n = sp.N;
        var m = sp.M;
        var dt = sp.Dt;
        var theta = sp.Theta;
        var dtr = dt * coef[p];
        var hk = coef[n + p];
        var icd = dt * coef[(2 * n) + p];

        var ts = t[p];
        var hr = bc[(2 * n) + p] * BoundaryMath.Sigma * ((bc[(3 * n) + p] * bc[(3 * n) + p]) + (ts * ts)) * (bc[(3 * n) + p] + ts);
        var htot = bc[p] + hr;
        var w = hk / (htot + hk);
        var bW = icd * htot * w;
        var sW = icd * ((bc[p] * bc[n + p]) + (hr * bc[(3 * n) + p])) * w;

        var e = 4 * n;
        ts = t[((m - 1) * n) + p];
        hr = bc[e + (2 * n) + p] * BoundaryMath.Sigma * ((bc[e + (3 * n) + p] * bc[e + (3 * n) + p]) + (ts * ts)) * (bc[e + (3 * n) + p] + ts);
        htot = bc[e + p] + hr;
        w = hk / (htot + hk);
        var bE = icd * htot * w;
        var sE = icd * ((bc[e + p] * bc[e + n + p]) + (hr * bc[e + (3 * n) + p])) * w;

        var cpPrev = 0.0;
        var dpPrev = 0.0;
        for (var i = 0; i < m; i++)
        {
            var ti = t[(i * n) + p];
            var lap = 0.0;
            var nb = 0.0;
            var a = 0.0;
            var c = 0.0;
            var bnd = 0.0;
            var src = 0.0;
            if (i > 0)
            {
                lap += t[((i - 1) * n) + p] - ti;
                nb += 1.0;
                a = -theta * dtr;
            }
            else
            {
                bnd += bW;
                src += sW;
            }

            if (i < m - 1)
            {
                lap += t[((i + 1) * n) + p] - ti;
                nb += 1.0;
                c = -theta * dtr;
            }
            else
            {
                bnd += bE;
                src += sE;
            }

            var rhs = ti + ((1.0 - theta) * ((dtr * lap) - (bnd * ti))) + src;
            var b = 1.0 + (theta * ((dtr * nb) + bnd));
            var denom = b - (a * cpPrev);
            cpPrev = c / denom;
            dpPrev = (rhs - (a * dpPrev)) / denom;
            cpa[(i * n) + p] = cpPrev;
            dpa[(i * n) + p] = dpPrev;
        }

        var x = dpPrev;
        t[((m - 1) * n) + p] = x;
        for (var i = m - 2; i >= 0; i--)
        {
            x = dpa[(i * n) + p] - (cpa[(i * n) + p] * x);
            t[(i * n) + p] = x;
        }
    }
}
