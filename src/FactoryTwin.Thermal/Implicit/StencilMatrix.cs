using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// A symmetric positive-definite 5/7-point matrix on a structured grid: (Ax)ᵢ = dᵢxᵢ − s·Σⱼ Gᵢⱼxⱼ with face conductances G
/// (zero at the domain edge) and a scale s (θ of the θ-scheme on the fine grid, 1 on coarse grids).
/// </summary>
internal sealed class StencilMatrix
{
    public StencilMatrix(int nx, int ny, int nz, double[] gx, double[] gy, double[] gz, double offScale, bool parallel, bool simd)
    {
        Nx = nx;
        Ny = ny;
        Nz = nz;
        Count = nx * ny * nz;
        Gx = gx;
        Gy = gy;
        Gz = gz;
        OffScale = offScale;
        Diagonal = new double[Count];
        Zero = new double[nx];
        Parallel = parallel;
        Simd = simd;
        Partials = new double[RowPartition.ChunkCount(ny * nz)];
    }

    public int Nx { get; }

    public int Ny { get; }

    public int Nz { get; }

    public int Count { get; }

    public int Rows => Ny * Nz;

    public double[] Gx { get; }

    public double[] Gy { get; }

    public double[] Gz { get; }

    public double OffScale { get; }

    /// <summary>dᵢ, writable.</summary>
    public double[] Diagonal { get; }

    public double[] Zero { get; }

    public bool Parallel { get; }

    public bool Simd { get; }

    public double[] Partials { get; }

    /// <summary>y = A·x; returns x·y.</summary>
    public double Apply(double[] x, double[] y) =>
        RowDriver.RunSum(new StencilRowKernel(this, StencilRowKernel.ModeApply, x, y, []), Rows, Parallel, Partials);

    /// <summary>r = b − A·x; returns r·r.</summary>
    public double Residual(double[] b, double[] x, double[] r) =>
        RowDriver.RunSum(new StencilRowKernel(this, StencilRowKernel.ModeResidual, x, r, b), Rows, Parallel, Partials);
}

/// <summary>The row kernel behind <see cref="StencilMatrix"/> (SIMD with a scalar twin).</summary>
internal readonly struct StencilRowKernel : IReducingRowKernel
{
    public const int ModeApply = 0;
    public const int ModeResidual = 1;

    private readonly StencilMatrix _m;
    private readonly int _mode;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _b;

    public StencilRowKernel(StencilMatrix m, int mode, double[] x, double[] y, double[] b)
    {
        _m = m;
        _mode = mode;
        _x = x;
        _y = y;
        _b = b;
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

    private double Row(int r)
    {
        var m = _m;
        var nx = m.Nx;
        var ny = m.Ny;
        var nz = m.Nz;
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
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(_x);
        ref var y0 = ref MemoryMarshal.GetArrayDataReference(_y);
        ref var b0 = ref _b.Length > 0 ? ref MemoryMarshal.GetArrayDataReference(_b) : ref x0;
        ref var diag = ref MemoryMarshal.GetArrayDataReference(m.Diagonal);
        ref var gx = ref MemoryMarshal.GetArrayDataReference(m.Gx);
        ref var zero = ref MemoryMarshal.GetArrayDataReference(m.Zero);
        ref var gyN = ref hasY ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Gy), b) : ref zero;
        ref var gyS = ref hasY && j > 0 ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Gy), b - nx) : ref zero;
        ref var gzU = ref hasZ ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Gz), b) : ref zero;
        ref var gzD = ref hasZ && k > 0 ? ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Gz), b - plane) : ref zero;
        var off = m.OffScale;
        var mode = _mode;
        var sum = 0.0;
        var i = 0;
        if (m.Simd && Vector.IsHardwareAccelerated && nx > Vector<double>.Count + 1)
        {
            sum += Cell(ref x0, ref y0, ref b0, ref diag, ref gx, ref gyN, ref gyS, ref gzU, ref gzD, b, 0, s, n, d, u, hasY, hasZ, off, mode);
            i = 1;
            var w = Vector<double>.Count;
            var vOff = new Vector<double>(off);
            var vSum = Vector<double>.Zero;
            for (; i + w <= nx - 1; i += w)
            {
                var idx = (nuint)(b + i);
                var xc = Vector.LoadUnsafe(ref x0, idx);
                var nb = (Vector.LoadUnsafe(ref gx, idx) * Vector.LoadUnsafe(ref x0, idx + 1))
                    + (Vector.LoadUnsafe(ref gx, idx - 1) * Vector.LoadUnsafe(ref x0, idx - 1));
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

                var dg = Vector.LoadUnsafe(ref diag, idx);
                var ax = (dg * xc) - (vOff * nb);
                if (mode == ModeApply)
                {
                    ax.StoreUnsafe(ref y0, idx);
                    vSum += xc * ax;
                }
                else
                {
                    var res = Vector.LoadUnsafe(ref b0, idx) - ax;
                    res.StoreUnsafe(ref y0, idx);
                    vSum += res * res;
                }
            }

            sum += Vector.Sum(vSum);
        }

        for (; i < nx; i++)
        {
            sum += Cell(ref x0, ref y0, ref b0, ref diag, ref gx, ref gyN, ref gyS, ref gzU, ref gzD, b, i, s, n, d, u, hasY, hasZ, off, mode);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Cell(ref double x0, ref double y0, ref double b0, ref double diag, ref double gx, ref double gyN, ref double gyS, ref double gzU, ref double gzD,
        int b, int i, int s, int n, int d, int u, bool hasY, bool hasZ, double off, int mode)
    {
        var idx = b + i;
        var xc = Unsafe.Add(ref x0, idx);
        var nb = Unsafe.Add(ref gx, idx) * (i < _m.Nx - 1 ? Unsafe.Add(ref x0, idx + 1) : 0.0);
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

        var dg = Unsafe.Add(ref diag, idx);
        var ax = (dg * xc) - (off * nb);
        if (mode == ModeApply)
        {
            Unsafe.Add(ref y0, idx) = ax;
            return xc * ax;
        }

        var res = Unsafe.Add(ref b0, idx) - ax;
        Unsafe.Add(ref y0, idx) = res;
        return res * res;
    }
}
