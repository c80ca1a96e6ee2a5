using System.Numerics;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>Blocked BLAS-1 operations of the conjugate-gradient method (SIMD with a scalar twin, parallel by blocks).</summary>
internal readonly struct VectorKernel : IReducingRowKernel
{
    public const int BlockSize = 8192;
    public const int ModeDot = 0;
    public const int ModeCgUpdate = 1;
    public const int ModeXpby = 2;

    private readonly int _mode;
    private readonly int _length;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _c;
    private readonly double[] _d;
    private readonly double _alpha;
    private readonly bool _simd;

    private VectorKernel(int mode, int length, double[] a, double[] b, double[] c, double[] d, double alpha, bool simd)
    {
        _mode = mode;
        _length = length;
        _a = a;
        _b = b;
        _c = c;
        _d = d;
        _alpha = alpha;
        _simd = simd;
    }

    public static int Blocks(int length) => (length + BlockSize - 1) / BlockSize;

    /// <summary>Σ aᵢbᵢ.</summary>
    public static double Dot(double[] a, double[] b, int n, bool parallel, bool simd, double[] partials) =>
        RowDriver.RunSum(new VectorKernel(ModeDot, n, a, b, [], [], 0.0, simd), Blocks(n), parallel, partials);

    /// <summary>x += α·p; r −= α·q; returns r·r.</summary>
    public static double CgUpdate(double[] x, double[] p, double[] r, double[] q, double alpha, int n, bool parallel, bool simd, double[] partials) =>
        RowDriver.RunSum(new VectorKernel(ModeCgUpdate, n, x, p, r, q, alpha, simd), Blocks(n), parallel, partials);

    /// <summary>p = z + β·p.</summary>
    public static void Xpby(double[] z, double[] p, double beta, int n, bool parallel, bool simd, double[] partials) =>
        RowDriver.RunSum(new VectorKernel(ModeXpby, n, z, p, [], [], beta, simd), Blocks(n), parallel, partials);

    public double Rows(int start, int end)
    {
        var s = start * BlockSize;
        var e = Math.Min(_length, end * BlockSize);
        var i = s;
        var sum = 0.0;
        ref var a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref var b = ref MemoryMarshal.GetArrayDataReference(_b);
        if (_simd && Vector.IsHardwareAccelerated)
        {
            var w = Vector<double>.Count;
            var al = new Vector<double>(_alpha);
            var acc = Vector<double>.Zero;
            if (_mode == ModeDot)
            {
                for (; i + w <= e; i += w)
                {
                    acc += Vector.LoadUnsafe(ref a, (nuint)i) * Vector.LoadUnsafe(ref b, (nuint)i);
                }
            }
            else if (_mode == ModeCgUpdate)
            {
                ref var c = ref MemoryMarshal.GetArrayDataReference(_c);
                ref var d = ref MemoryMarshal.GetArrayDataReference(_d);
                for (; i + w <= e; i += w)
                {
                    var ui = (nuint)i;
                    (Vector.LoadUnsafe(ref a, ui) + (al * Vector.LoadUnsafe(ref b, ui))).StoreUnsafe(ref a, ui);
                    var r = Vector.LoadUnsafe(ref c, ui) - (al * Vector.LoadUnsafe(ref d, ui));
                    r.StoreUnsafe(ref c, ui);
                    acc += r * r;
                }
            }
            else
            {
                for (; i + w <= e; i += w)
                {
                    var ui = (nuint)i;
                    (Vector.LoadUnsafe(ref a, ui) + (al * Vector.LoadUnsafe(ref b, ui))).StoreUnsafe(ref b, ui);
                }
            }

            sum = Vector.Sum(acc);
        }

        for (; i < e; i++)
        {
            if (_mode == ModeDot)
            {
                sum += _a[i] * _b[i];
            }
            else if (_mode == ModeCgUpdate)
            {
                _a[i] += _alpha * _b[i];
                var r = _c[i] - (_alpha * _d[i]);
                _c[i] = r;
                sum += r * r;
            }
            else
            {
                _b[i] = _a[i] + (_alpha * _b[i]);
            }
        }

        return sum;
    }
}
