using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Explicit;

/// <summary>
/// Explicit FTCS update of the interior conduction and source terms for a uniform material:
/// T' = T + cx·(T_w + T_e − 2T) + cy·(T_s + T_n − 2T) + cz·(T_d + T_u − 2T) + Δt·q/(ρc), with c = α·Δt/Δ².
/// Missing neighbours at the domain edges are replaced by the cell itself (zero flux); boundary conditions are added
/// afterwards by <see cref="ExplicitCpuSolver{T}"/>.
/// Explicit FTCS: stable for alpha*dt/dx² &lt;= 1/(2d).
/// 2-D grids take a one-pass-per-row path over three row references (south, centre, north) with the interior unrolled by two
/// vectors; with <c>nonTemporal</c> (large grids, pinned arrays) the output row is written with streaming stores that bypass
/// the cache, which saves the read-for-ownership of the destination line (24 → 16 bytes of traffic per float64 update).
/// </summary>
internal readonly struct UniformExplicitKernel<T> : IRowKernel
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _cur;
    private readonly T[] _next;
    private readonly int _nx;
    private readonly int _ny;
    private readonly int _nz;
    private readonly T _cx;
    private readonly T _cy;
    private readonly T _cz;
    private readonly T _src;
    private readonly bool _simd;
    private readonly bool _nonTemporal;

    public UniformExplicitKernel(T[] cur, T[] next, int nx, int ny, int nz, T cx, T cy, T cz, T src, bool simd, bool nonTemporal = false)
    {
        _nonTemporal = nonTemporal && CanStream;
        _cur = cur;
        _next = next;
        _nx = nx;
        _ny = ny;
        _nz = nz;
        _cx = cx;
        _cy = cy;
        _cz = cz;
        _src = src;
        _simd = simd;
    }

    /// <summary>Whether streaming (non-temporal) vector stores are available for <typeparamref name="T"/> on this CPU.</summary>
    public static bool CanStream =>
        Vector.IsHardwareAccelerated && ((Vector<byte>.Count == 32 && Avx.IsSupported) || (Vector<byte>.Count == 16 && Sse2.IsSupported));

    public void Rows(int start, int end)
    {
        if (_nz == 1 && _ny > 1 && _simd && Vector.IsHardwareAccelerated && _nx >= 4 * Vector<T>.Count)
        {
            for (var r = start; r < end; r++)
            {
                Row2D(r);
            }

            if (_nonTemporal)
            {
                // streaming stores are weakly ordered: make them visible before the step's boundary pass and the next step
                Sse.StoreFence();
            }

            return;
        }

        for (var r = start; r < end; r++)
        {
            Row(r);
        }
    }

    /// <summary>One row of a 2-D grid: T' = T + cx·(T_w + T_e − 2T) + cy·(T_s + T_n − 2T) + src, the same arithmetic as <see cref="Cell"/>.</summary>
    private unsafe void Row2D(int j)
    {
        var nx = _nx;
        var b = j * nx;
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(_cur);
        ref var c = ref Unsafe.Add(ref c0, b);
        ref var sRow = ref Unsafe.Add(ref c0, j > 0 ? b - nx : b);
        ref var nRow = ref Unsafe.Add(ref c0, j < _ny - 1 ? b + nx : b);
        ref var o = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_next), b);
        var two = T.CreateTruncating(2);
        var w = Vector<T>.Count;

        // first cell: no west neighbour (zero flux: the cell itself)
        o = CellRow(ref c, ref sRow, ref nRow, 0, 0, Math.Min(1, nx - 1), two);
        var i = 1;
        if (_nonTemporal)
        {
            // scalar until the destination is vector-aligned
            while (i < nx - 1 && ((nuint)Unsafe.AsPointer(ref Unsafe.Add(ref o, i)) % (nuint)Vector<byte>.Count) != 0)
            {
                Unsafe.Add(ref o, i) = CellRow(ref c, ref sRow, ref nRow, i, i - 1, i + 1, two);
                i++;
            }
        }

        var vcx = new Vector<T>(_cx);
        var vcy = new Vector<T>(_cy);
        var vsrc = new Vector<T>(_src);
        var vtwo = new Vector<T>(two);
        for (; i + (2 * w) <= nx - 1; i += 2 * w)
        {
            var k0 = (nuint)i;
            var k1 = (nuint)(i + w);
            var t0 = Vector.LoadUnsafe(ref c, k0);
            var t1 = Vector.LoadUnsafe(ref c, k1);
            var r0 = t0 + (vcx * (Vector.LoadUnsafe(ref c, k0 - 1) + Vector.LoadUnsafe(ref c, k0 + 1) - (vtwo * t0)))
                + (vcy * (Vector.LoadUnsafe(ref sRow, k0) + Vector.LoadUnsafe(ref nRow, k0) - (vtwo * t0))) + vsrc;
            var r1 = t1 + (vcx * (Vector.LoadUnsafe(ref c, k1 - 1) + Vector.LoadUnsafe(ref c, k1 + 1) - (vtwo * t1)))
                + (vcy * (Vector.LoadUnsafe(ref sRow, k1) + Vector.LoadUnsafe(ref nRow, k1) - (vtwo * t1))) + vsrc;
            if (_nonTemporal)
            {
                Stream(r0, ref Unsafe.Add(ref o, i));
                Stream(r1, ref Unsafe.Add(ref o, i + w));
            }
            else
            {
                r0.StoreUnsafe(ref o, k0);
                r1.StoreUnsafe(ref o, k1);
            }
        }

        for (; i < nx - 1; i++)
        {
            Unsafe.Add(ref o, i) = CellRow(ref c, ref sRow, ref nRow, i, i - 1, i + 1, two);
        }

        Unsafe.Add(ref o, nx - 1) = CellRow(ref c, ref sRow, ref nRow, nx - 1, nx - 2, nx - 1, two);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T CellRow(ref T c, ref T sRow, ref T nRow, int i, int west, int east, T two)
    {
        var tc = Unsafe.Add(ref c, i);
        var acc = tc + (_cx * (Unsafe.Add(ref c, west) + Unsafe.Add(ref c, east) - (two * tc)));
        acc += _cy * (Unsafe.Add(ref sRow, i) + Unsafe.Add(ref nRow, i) - (two * tc));
        return acc + _src;
    }

    /// <summary>A streaming store of one vector to an aligned address (the arrays are pinned, see <see cref="ExplicitCpuSolver{T}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Stream(Vector<T> value, ref T destination)
    {
        var p = (byte*)Unsafe.AsPointer(ref destination);
        if (Vector<byte>.Count == 32)
        {
            Avx.StoreAlignedNonTemporal(p, value.AsVector256().AsByte());
        }
        else
        {
            Sse2.StoreAlignedNonTemporal(p, value.AsVector128().AsByte());
        }
    }

    private void Row(int r)
    {
        var nx = _nx;
        var plane = nx * _ny;
        var j = r % _ny;
        var k = r / _ny;
        var b = r * nx;
        var s = j > 0 ? b - nx : b;
        var n = j < _ny - 1 ? b + nx : b;
        var d = k > 0 ? b - plane : b;
        var u = k < _nz - 1 ? b + plane : b;
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(_cur);
        ref var o0 = ref MemoryMarshal.GetArrayDataReference(_next);
        var hasY = _ny > 1;
        var hasZ = _nz > 1;

        Unsafe.Add(ref o0, b) = Cell(ref c0, b, b, b + Math.Min(1, nx - 1), s, n, d, u, hasY, hasZ);
        if (nx == 1)
        {
            return;
        }

        var i = 1;
        if (_simd && Vector.IsHardwareAccelerated)
        {
            var w = Vector<T>.Count;
            var two = new Vector<T>(T.CreateTruncating(2));
            var cx = new Vector<T>(_cx);
            var cy = new Vector<T>(_cy);
            var cz = new Vector<T>(_cz);
            var src = new Vector<T>(_src);
            for (; i + w <= nx - 1; i += w)
            {
                var idx = (nuint)(b + i);
                var tc = Vector.LoadUnsafe(ref c0, idx);
                var acc = tc + (cx * (Vector.LoadUnsafe(ref c0, idx - 1) + Vector.LoadUnsafe(ref c0, idx + 1) - (two * tc)));
                if (hasY)
                {
                    acc += cy * (Vector.LoadUnsafe(ref c0, (nuint)(s + i)) + Vector.LoadUnsafe(ref c0, (nuint)(n + i)) - (two * tc));
                }

                if (hasZ)
                {
                    acc += cz * (Vector.LoadUnsafe(ref c0, (nuint)(d + i)) + Vector.LoadUnsafe(ref c0, (nuint)(u + i)) - (two * tc));
                }

                (acc + src).StoreUnsafe(ref o0, idx);
            }
        }

        for (; i < nx - 1; i++)
        {
            Unsafe.Add(ref o0, b + i) = Cell(ref c0, b + i, b + i - 1, b + i + 1, s + i, n + i, d + i, u + i, hasY, hasZ);
        }

        var last = nx - 1;
        Unsafe.Add(ref o0, b + last) = Cell(ref c0, b + last, b + last - 1, b + last, s + last, n + last, d + last, u + last, hasY, hasZ);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Cell(ref T c0, int c, int w, int e, int s, int n, int d, int u, bool hasY, bool hasZ)
    {
        var two = T.CreateTruncating(2);
        var tc = Unsafe.Add(ref c0, c);
        var acc = tc + (_cx * (Unsafe.Add(ref c0, w) + Unsafe.Add(ref c0, e) - (two * tc)));
        if (hasY)
        {
            acc += _cy * (Unsafe.Add(ref c0, s) + Unsafe.Add(ref c0, n) - (two * tc));
        }

        if (hasZ)
        {
            acc += _cz * (Unsafe.Add(ref c0, d) + Unsafe.Add(ref c0, u) - (two * tc));
        }

        return acc + _src;
    }
}
