using ILGPU;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Gpu;

/// <summary>ILGPU kernels (static, one thread per cell / boundary cell / problem).</summary>
internal static class IlgpuKernels
{
    /// <summary>
    /// Explicit FTCS interior update, one thread per cell: T' = T + Δt/(ρc)·(Σ G·(T_nb − T) + q).
    /// Explicit FTCS: stable for alpha*dt/dx² &lt;= 1/(2d) (checked on the host before launch).
    /// </summary>
    public static void Stencil(
        Index1D index,
        ArrayView<double> t,
        ArrayView<double> tn,
        ArrayView<double> gx,
        ArrayView<double> gy,
        ArrayView<double> gz,
        ArrayView<double> invC,
        ArrayView<double> q,
        StencilParams p)
    {
        int idx = index;
        var nx = p.Nx;
        var ny = p.Ny;
        var plane = nx * ny;
        var i = idx % nx;
        var j = (idx / nx) % ny;
        var k = idx / plane;
        var tc = t[idx];
        var flux = 0.0;
        if (i < nx - 1)
        {
            flux += gx[idx] * (t[idx + 1] - tc);
        }

        if (i > 0)
        {
            flux += gx[idx - 1] * (t[idx - 1] - tc);
        }

        if (ny > 1)
        {
            if (j < ny - 1)
            {
                flux += gy[idx] * (t[idx + nx] - tc);
            }

            if (j > 0)
            {
                flux += gy[idx - nx] * (t[idx - nx] - tc);
            }
        }

        if (p.Nz > 1)
        {
            if (k < p.Nz - 1)
            {
                flux += gz[idx] * (t[idx + plane] - tc);
            }

            if (k > 0)
            {
                flux += gz[idx - plane] * (t[idx - plane] - tc);
            }
        }

        flux += q[idx];
        tn[idx] = tc + (p.Dt * invC[idx] * flux);
    }

    /// <summary>Adds one face's boundary heat (explicit, around the old temperature) to its cells; one thread per face cell.</summary>
    public static void Boundary(
        Index1D e,
        ArrayView<int> cells,
        ArrayView<double> halfConductance,
        ArrayView<double> t,
        ArrayView<double> tn,
        ArrayView<double> invC,
        FaceParams f)
    {
        var c = cells[e];
        var tc = t[c];
        BoundaryMath.Coefficients(f.Kind, f.Value, f.H, f.Emissivity, f.Radiant, halfConductance[e], tc, out var u, out var s);
        tn[c] += f.Dt * invC[c] * ((s * f.InvSpacing) - (u * f.InvSpacing * tc));
    }
}
