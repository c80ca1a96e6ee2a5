using System.Numerics;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Batch;

/// <summary>
/// One θ-step of many independent uniform 1-D slabs, cell-major layout T[i·N + p] so that SIMD lanes (and GPU threads)
/// are different problems: batched Thomas algorithm, boundary h and εσT⁴ linearized around the current surface cell
/// (secant coefficient, see <see cref="BoundaryMath"/>). Unconditionally stable for θ ≥ ½.
/// A "row" is a block of <see cref="Vector{T}.Count"/> problems (SIMD) or one problem (scalar twin).
/// </summary>
internal readonly struct SlabBatchKernel : IRowKernel
{
    private readonly double[] _t;
    private readonly double[] _cp;
    private readonly double[] _dp;
    private readonly double[] _coef;
    private readonly double[] _bc;
    private readonly SlabParams _p;
    private readonly bool _simd;

    public SlabBatchKernel(double[] t, double[] cp, double[] dp, double[] coef, double[] bc, SlabParams p, bool simd)
    {
        _t = t;
        _cp = cp;
        _dp = dp;
        _coef = coef;
        _bc = bc;
        _p = p;
        _simd = simd;
    }

    public static int RowCount(int paddedProblems, bool simd) => simd && Vector.IsHardwareAccelerated ? paddedProblems / Vector<double>.Count : paddedProblems;

    public void Rows(int start, int end)
    {
        if (_simd && Vector.IsHardwareAccelerated)
        {
            for (var r = start; r < end; r++)
            {
                Block(r * Vector<double>.Count);
            }
        }
        else
        {
            for (var r = start; r < end; r++)
            {
                Scalar(r);
            }
        }
    }

    /// <summary>The scalar twin: one problem (the ILGPU kernel is a copy of this).</summary>
    public void Scalar(int p)
    {
        var n = _p.N;
        var m = _p.M;
        var dt = _p.Dt;
        var theta = _p.Theta;
        var t = _t;
        var dtr = dt * _coef[p];
        var hk = _coef[n + p];
        var icd = dt * _coef[(2 * n) + p];
        Surface(_bc, 0, n, p, hk, icd, t[p], out var bW, out var sW);
        Surface(_bc, 4 * n, n, p, hk, icd, t[((m - 1) * n) + p], out var bE, out var sE);
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
            _cp[(i * n) + p] = cpPrev;
            _dp[(i * n) + p] = dpPrev;
        }

        var x = dpPrev;
        t[((m - 1) * n) + p] = x;
        for (var i = m - 2; i >= 0; i--)
        {
            x = _dp[(i * n) + p] - (_cp[(i * n) + p] * x);
            t[(i * n) + p] = x;
        }
    }

    /// <summary>β = Δt·U/(ρcΔx) and s = Δt·(h·T∞ + h_r·Tr)·w/(ρcΔx) of one face, U = h_tot·w, w = (2k/Δx)/(h_tot + 2k/Δx).</summary>
    private static void Surface(double[] bc, int side, int n, int p, double hk, double icd, double ts, out double beta, out double s)
    {
        var h = bc[side + p];
        var tf = bc[side + n + p];
        var eps = bc[side + (2 * n) + p];
        var tr = bc[side + (3 * n) + p];
        var hr = eps * BoundaryMath.Sigma * ((tr * tr) + (ts * ts)) * (tr + ts);
        var htot = h + hr;
        var w = hk / (htot + hk);
        beta = icd * htot * w;
        s = icd * ((h * tf) + (hr * tr)) * w;
    }

    private void Block(int p)
    {
        var n = _p.N;
        var m = _p.M;
        var theta = new Vector<double>(_p.Theta);
        var oneMinusTheta = new Vector<double>(1.0 - _p.Theta);
        var one = Vector<double>.One;
        ref var t = ref MemoryMarshal.GetArrayDataReference(_t);
        ref var cpr = ref MemoryMarshal.GetArrayDataReference(_cp);
        ref var dpr = ref MemoryMarshal.GetArrayDataReference(_dp);
        ref var coef = ref MemoryMarshal.GetArrayDataReference(_coef);
        var dt = new Vector<double>(_p.Dt);
        var dtr = dt * Vector.LoadUnsafe(ref coef, (nuint)p);
        var hk = Vector.LoadUnsafe(ref coef, (nuint)(n + p));
        var icd = dt * Vector.LoadUnsafe(ref coef, (nuint)((2 * n) + p));
        SurfaceV(0, n, p, hk, icd, Vector.LoadUnsafe(ref t, (nuint)p), out var bW, out var sW);
        SurfaceV(4 * n, n, p, hk, icd, Vector.LoadUnsafe(ref t, (nuint)(((m - 1) * n) + p)), out var bE, out var sE);
        var offDiag = -theta * dtr;
        var cpPrev = Vector<double>.Zero;
        var dpPrev = Vector<double>.Zero;
        for (var i = 0; i < m; i++)
        {
            var at = (nuint)((i * n) + p);
            var ti = Vector.LoadUnsafe(ref t, at);
            var lap = Vector<double>.Zero;
            var nb = Vector<double>.Zero;
            var a = Vector<double>.Zero;
            var c = Vector<double>.Zero;
            var bnd = Vector<double>.Zero;
            var src = Vector<double>.Zero;
            if (i > 0)
            {
                lap += Vector.LoadUnsafe(ref t, at - (nuint)n) - ti;
                nb += one;
                a = offDiag;
            }
            else
            {
                bnd += bW;
                src += sW;
            }

            if (i < m - 1)
            {
                lap += Vector.LoadUnsafe(ref t, at + (nuint)n) - ti;
                nb += one;
                c = offDiag;
            }
            else
            {
                bnd += bE;
                src += sE;
            }

            var rhs = ti + (oneMinusTheta * ((dtr * lap) - (bnd * ti))) + src;
            var b = one + (theta * ((dtr * nb) + bnd));
            var denom = b - (a * cpPrev);
            cpPrev = c / denom;
            dpPrev = (rhs - (a * dpPrev)) / denom;
            cpPrev.StoreUnsafe(ref cpr, at);
            dpPrev.StoreUnsafe(ref dpr, at);
        }

        var x = dpPrev;
        x.StoreUnsafe(ref t, (nuint)(((m - 1) * n) + p));
        for (var i = m - 2; i >= 0; i--)
        {
            var at = (nuint)((i * n) + p);
            x = Vector.LoadUnsafe(ref dpr, at) - (Vector.LoadUnsafe(ref cpr, at) * x);
            x.StoreUnsafe(ref t, at);
        }
    }

    private void SurfaceV(int side, int n, int p, Vector<double> hk, Vector<double> icd, Vector<double> ts, out Vector<double> beta, out Vector<double> s)
    {
        ref var bc = ref MemoryMarshal.GetArrayDataReference(_bc);
        var h = Vector.LoadUnsafe(ref bc, (nuint)(side + p));
        var tf = Vector.LoadUnsafe(ref bc, (nuint)(side + n + p));
        var eps = Vector.LoadUnsafe(ref bc, (nuint)(side + (2 * n) + p));
        var tr = Vector.LoadUnsafe(ref bc, (nuint)(side + (3 * n) + p));
        var hr = eps * new Vector<double>(BoundaryMath.Sigma) * ((tr * tr) + (ts * ts)) * (tr + ts);
        var htot = h + hr;
        var w = hk / (htot + hk);
        beta = icd * htot * w;
        s = icd * ((h * tf) + (hr * tr)) * w;
    }
}
