using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Explicit;

/// <summary>
/// Explicit FTCS update of the interior conduction and source terms for a uniform material:
/// T' = T + cx·(T_w + T_e − 2T) + cy·(T_s + T_n − 2T) + cz·(T_d + T_u − 2T) + Δt·q/(ρc), with c = α·Δt/Δ².
/// Missing neighbours at the domain edges are replaced by the cell itself (zero flux); boundary conditions are added
/// afterwards by <see cref="ExplicitCpuSolver{T}"/>.
/// Explicit FTCS: stable for alpha*dt/dx² &lt;= 1/(2d).
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

    public UniformExplicitKernel(T[] cur, T[] next, int nx, int ny, int nz, T cx, T cy, T cz, T src, bool simd)
    {
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

    public void Rows(int start, int end)
    {
        for (var r = start; r < end; r++)
        {
            Row(r);
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
