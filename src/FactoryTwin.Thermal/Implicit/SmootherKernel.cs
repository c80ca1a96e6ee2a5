using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// The float32 stencil passes of the multigrid V-cycle on one <see cref="MultigridLevel"/> (SIMD with a scalar twin):
/// <list type="bullet">
/// <item><see cref="ModeSweep"/>: one red–black Gauss–Seidel half-sweep: every cell of one colour ((i + j + k) mod 2)
/// gets xᵢ = (bᵢ + Σⱼ s·Gᵢⱼxⱼ)/dᵢ. A cell's neighbours all have the other colour, so rows run in parallel, and the SIMD
/// path computes whole vectors and keeps the other colour's lanes with a blend (no gather/scatter; the pass is
/// memory-bound, so the wasted arithmetic is free).</item>
/// <item><see cref="ModeSweepOut"/>: the same half-sweep, but the result (both colours) goes to a float64 z and the pass
/// returns Σ rᵢzᵢ with the float64 r: the last pass of the preconditioner, fused with the CG's dot product.</item>
/// <item><see cref="ModeResidual"/>: R = b − A·x (for the fused residual–restriction).</item>
/// </list>
/// </summary>
internal readonly struct SmootherKernel : IReducingRowKernel
{
    public const int ModeSweep = 0;
    public const int ModeSweepOut = 1;
    public const int ModeResidual = 2;

    private static readonly int[] s_laneParity = CreateLaneParity();

    private readonly MultigridLevel _lev;
    private readonly float[] _b;
    private readonly float[] _x;
    private readonly int _color;
    private readonly int _mode;
    private readonly double[] _r;
    private readonly double[] _z;

    public SmootherKernel(MultigridLevel lev, float[] b, float[] x, int color, int mode, double[] r, double[] z)
    {
        _lev = lev;
        _b = b;
        _x = x;
        _color = color;
        _mode = mode;
        _r = r;
        _z = z;
    }

    public double Rows(int start, int end)
    {
        var sum = 0.0;
        for (var r = start; r < end; r++)
        {
            sum += Row(r);
        }

        return sum;
    }

    /// <summary>Lane l of a vector that starts at an odd i has parity (1 + l) mod 2.</summary>
    private static int[] CreateLaneParity()
    {
        var p = new int[Vector<int>.Count];
        for (var l = 0; l < p.Length; l++)
        {
            p[l] = (1 + l) & 1;
        }

        return p;
    }

    private double Row(int r)
    {
        var lev = _lev;
        var nx = lev.Nx;
        var ny = lev.Ny;
        var nz = lev.Nz;
        var plane = nx * ny;
        var j = r % ny;
        var k = r / ny;
        var b = r * nx;
        var hasY = ny > 1;
        var hasZ = nz > 1;
        var s = j > 0 ? b - nx : b;
        var n = j < ny - 1 ? b + nx : b;
        var d = k > 0 ? b - plane : b;
        var u = k < nz - 1 ? b + plane : b;

        // cells of this colour in this row have i ≡ parity (mod 2)
        var parity = (_color ^ j ^ k) & 1;
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(_x);
        ref var gx = ref MemoryMarshal.GetArrayDataReference(lev.Gx);
        ref var zero = ref MemoryMarshal.GetArrayDataReference(lev.Zero);
        ref var gyN = ref hasY ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lev.Gy), b) : ref zero;
        ref var gyS = ref hasY && j > 0 ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lev.Gy), b - nx) : ref zero;
        ref var gzU = ref hasZ ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lev.Gz), b) : ref zero;
        ref var gzD = ref hasZ && k > 0 ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lev.Gz), b - plane) : ref zero;
        var sum = 0.0;
        var i = 0;
        if (lev.Simd && Vector.IsHardwareAccelerated && nx > Vector<float>.Count + 1)
        {
            sum += Cell(ref x0, ref gx, ref gyN, ref gyS, ref gzU, ref gzD, b, 0, s, n, d, u, hasY, hasZ, parity);
            i = 1;
            var w = Vector<float>.Count;
            ref var b0 = ref MemoryMarshal.GetArrayDataReference(_b);
            ref var dg = ref MemoryMarshal.GetArrayDataReference(_mode == ModeResidual ? lev.Diagonal : lev.InverseDiagonal);
            var mask = Vector.AsVectorSingle(Vector.Equals(new Vector<int>(s_laneParity), new Vector<int>(parity)));
            var vSum = Vector<double>.Zero;

            // locals, not fields: stores through x0 could alias `this` as far as the JIT knows, forcing reloads
            var mode = _mode;
            ref var res0 = ref MemoryMarshal.GetArrayDataReference(lev.R);
            ref var z0 = ref MemoryMarshal.GetArrayDataReference(_z);
            ref var r0 = ref MemoryMarshal.GetArrayDataReference(_r);
            var half = (nuint)Vector<double>.Count;

            // The west neighbours x[i−1 …] of the next vector overlap the vector stored now (its last lane). Loading them
            // after that store would stall on store-to-load forwarding of a partial overlap on every vector (measured:
            // the in-place sweep ran at half the speed of the out-of-place passes); loading them before the store is
            // also correct: a lane this half-sweep updates has a west neighbour of the other colour, which it does not change.
            var west = Vector.LoadUnsafe(ref x0, (nuint)b);
            for (; i + w <= nx - 1; i += w)
            {
                var idx = (nuint)(b + i);
                var nb = (Vector.LoadUnsafe(ref gx, idx) * Vector.LoadUnsafe(ref x0, idx + 1))
                    + (Vector.LoadUnsafe(ref gx, idx - 1) * west);
                if (i + (2 * w) <= nx - 1)
                {
                    west = Vector.LoadUnsafe(ref x0, idx + (nuint)w - 1);
                }

                if (hasY)
                {
                    nb += (Vector.LoadUnsafe(ref gyN, (nuint)i) * Vector.LoadUnsafe(ref x0, (nuint)(n + i)))
                        + (Vector.LoadUnsafe(ref gyS, (nuint)i) * Vector.LoadUnsafe(ref x0, (nuint)(s + i)));
                }

                if (hasZ)
                {
                    nb += (Vector.LoadUnsafe(ref gzU, (nuint)i) * Vector.LoadUnsafe(ref x0, (nuint)(u + i)))
                        + (Vector.LoadUnsafe(ref gzD, (nuint)i) * Vector.LoadUnsafe(ref x0, (nuint)(d + i)));
                }

                var bv = Vector.LoadUnsafe(ref b0, idx);
                var xc = Vector.LoadUnsafe(ref x0, idx);
                if (mode == ModeResidual)
                {
                    (bv - ((Vector.LoadUnsafe(ref dg, idx) * xc) - nb)).StoreUnsafe(ref res0, idx);
                    continue;
                }

                var xv = Vector.ConditionalSelect(mask, (bv + nb) * Vector.LoadUnsafe(ref dg, idx), xc);
                if (mode == ModeSweep)
                {
                    xv.StoreUnsafe(ref x0, idx);
                }
                else
                {
                    Vector.Widen(xv, out var lo, out var hi);
                    lo.StoreUnsafe(ref z0, idx);
                    hi.StoreUnsafe(ref z0, idx + half);
                    vSum += (lo * Vector.LoadUnsafe(ref r0, idx)) + (hi * Vector.LoadUnsafe(ref r0, idx + half));
                }
            }

            sum += Vector.Sum(vSum);
        }

        for (; i < nx; i++)
        {
            sum += Cell(ref x0, ref gx, ref gyN, ref gyS, ref gzU, ref gzD, b, i, s, n, d, u, hasY, hasZ, parity);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Cell(ref float x0, ref float gx, ref float gyN, ref float gyS, ref float gzU, ref float gzD,
        int b, int i, int s, int n, int d, int u, bool hasY, bool hasZ, int parity)
    {
        var idx = b + i;
        var mine = (i & 1) == parity;
        var xc = Unsafe.Add(ref x0, idx);
        if (mine || _mode == ModeResidual)
        {
            var nb = Unsafe.Add(ref gx, idx) * (i < _lev.Nx - 1 ? Unsafe.Add(ref x0, idx + 1) : 0f);
            if (i > 0)
            {
                nb += Unsafe.Add(ref gx, idx - 1) * Unsafe.Add(ref x0, idx - 1);
            }

            if (hasY)
            {
                nb += (Unsafe.Add(ref gyN, i) * Unsafe.Add(ref x0, n + i)) + (Unsafe.Add(ref gyS, i) * Unsafe.Add(ref x0, s + i));
            }

            if (hasZ)
            {
                nb += (Unsafe.Add(ref gzU, i) * Unsafe.Add(ref x0, u + i)) + (Unsafe.Add(ref gzD, i) * Unsafe.Add(ref x0, d + i));
            }

            if (_mode == ModeResidual)
            {
                _lev.R[idx] = _b[idx] - ((_lev.Diagonal[idx] * xc) - nb);
                return 0.0;
            }

            xc = (_b[idx] + nb) * _lev.InverseDiagonal[idx];
            if (_mode == ModeSweep)
            {
                Unsafe.Add(ref x0, idx) = xc;
                return 0.0;
            }
        }

        if (_mode == ModeSweep)
        {
            return 0.0;
        }

        double zv = xc;
        _z[idx] = zv;
        return zv * _r[idx];
    }
}
