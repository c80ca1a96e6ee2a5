using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Explicit;

/// <summary>
/// Explicit FTCS update with per-cell materials: T' = T + Δt/(ρc)·(Σ_faces G·(T_nb − T) + q), with face conductances
/// G = k_face/Δ² (harmonic-mean k). Missing neighbours at the edges have G = 0.
/// Explicit FTCS: stable for Δt·(ΣG)/(ρc) &lt;= 1 in every cell (alpha*dt/dx² &lt;= 1/(2d) when uniform).
/// </summary>
internal readonly struct VariableExplicitKernel<T> : IRowKernel
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _cur;
    private readonly T[] _next;
    private readonly T[] _gx;
    private readonly T[] _gy;
    private readonly T[] _gz;
    private readonly T[] _zero;
    private readonly T[] _invC;
    private readonly T[] _q;
    private readonly int _nx;
    private readonly int _ny;
    private readonly int _nz;
    private readonly T _dt;
    private readonly bool _simd;

    public VariableExplicitKernel(T[] cur, T[] next, T[] gx, T[] gy, T[] gz, T[] zero, T[] invC, T[] q, int nx, int ny, int nz, T dt, bool simd)
    {
        _cur = cur;
        _next = next;
        _gx = gx;
        _gy = gy;
        _gz = gz;
        _zero = zero;
        _invC = invC;
        _q = q;
        _nx = nx;
        _ny = ny;
        _nz = nz;
        _dt = dt;
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
        var hasY = _ny > 1;
        var hasZ = _nz > 1;
        var s = j > 0 ? b - nx : b;
        var n = j < _ny - 1 ? b + nx : b;
        var d = k > 0 ? b - plane : b;
        var u = k < _nz - 1 ? b + plane : b;
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(_cur);
        ref var o0 = ref MemoryMarshal.GetArrayDataReference(_next);
        ref var gx = ref MemoryMarshal.GetArrayDataReference(_gx);
        ref var invC = ref MemoryMarshal.GetArrayDataReference(_invC);
        ref var q = ref MemoryMarshal.GetArrayDataReference(_q);
        ref var zero = ref MemoryMarshal.GetArrayDataReference(_zero);

        // conductance rows of the faces below (south, down): the zero row at the domain edge
        ref var gyN = ref hasY ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_gy), b) : ref zero;
        ref var gyS = ref hasY && j > 0 ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_gy), b - nx) : ref zero;
        ref var gzU = ref hasZ ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_gz), b) : ref zero;
        ref var gzD = ref hasZ && k > 0 ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_gz), b - plane) : ref zero;

        var i = 0;
        var scalarEnd = nx;
        if (_simd && Vector.IsHardwareAccelerated && nx > Vector<T>.Count + 1)
        {
            Unsafe.Add(ref o0, b) = Cell(ref c0, ref gx, ref gyN, ref gyS, ref gzU, ref gzD, ref invC, ref q, b, 0, s, n, d, u, hasY, hasZ);
            i = 1;
            var w = Vector<T>.Count;
            var dt = new Vector<T>(_dt);
            for (; i + w <= nx - 1; i += w)
            {
                var idx = (nuint)(b + i);
                var tc = Vector.LoadUnsafe(ref c0, idx);
                var flux = (Vector.LoadUnsafe(ref gx, idx) * (Vector.LoadUnsafe(ref c0, idx + 1) - tc))
                    + (Vector.LoadUnsafe(ref gx, idx - 1) * (Vector.LoadUnsafe(ref c0, idx - 1) - tc));
                if (hasY)
                {
                    flux += (Vector.LoadUnsafe(ref gyN, (nuint)i) * (Vector.LoadUnsafe(ref c0, (nuint)(n + i)) - tc))
                        + (Vector.LoadUnsafe(ref gyS, (nuint)i) * (Vector.LoadUnsafe(ref c0, (nuint)(s + i)) - tc));
                }

                if (hasZ)
                {
                    flux += (Vector.LoadUnsafe(ref gzU, (nuint)i) * (Vector.LoadUnsafe(ref c0, (nuint)(u + i)) - tc))
                        + (Vector.LoadUnsafe(ref gzD, (nuint)i) * (Vector.LoadUnsafe(ref c0, (nuint)(d + i)) - tc));
                }

                flux += Vector.LoadUnsafe(ref q, idx);
                (tc + (dt * Vector.LoadUnsafe(ref invC, idx) * flux)).StoreUnsafe(ref o0, idx);
            }
        }

        for (; i < scalarEnd; i++)
        {
            Unsafe.Add(ref o0, b + i) = Cell(ref c0, ref gx, ref gyN, ref gyS, ref gzU, ref gzD, ref invC, ref q, b, i, s, n, d, u, hasY, hasZ);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Cell(ref T c0, ref T gx, ref T gyN, ref T gyS, ref T gzU, ref T gzD, ref T invC, ref T q, int b, int i, int s, int n, int d, int u, bool hasY, bool hasZ)
    {
        var idx = b + i;
        var tc = Unsafe.Add(ref c0, idx);
        var e = i < _nx - 1 ? idx + 1 : idx;
        var w = i > 0 ? idx - 1 : idx;
        var gw = i > 0 ? Unsafe.Add(ref gx, idx - 1) : T.Zero;
        var flux = (Unsafe.Add(ref gx, idx) * (Unsafe.Add(ref c0, e) - tc)) + (gw * (Unsafe.Add(ref c0, w) - tc));
        if (hasY)
        {
            flux += (Unsafe.Add(ref gyN, i) * (Unsafe.Add(ref c0, n + i) - tc)) + (Unsafe.Add(ref gyS, i) * (Unsafe.Add(ref c0, s + i) - tc));
        }

        if (hasZ)
        {
            flux += (Unsafe.Add(ref gzU, i) * (Unsafe.Add(ref c0, u + i) - tc)) + (Unsafe.Add(ref gzD, i) * (Unsafe.Add(ref c0, d + i) - tc));
        }

        flux += Unsafe.Add(ref q, idx);
        return tc + (_dt * Unsafe.Add(ref invC, idx) * flux);
    }
}
