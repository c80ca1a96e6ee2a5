using System.Numerics;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// The first red–black half-sweep from x = 0: cells of <c>color</c> get bᵢ/dᵢ (their neighbours are all zero), the others
/// 0. With a float64 <c>source</c> (the fine level: CG's residual) it also writes b = (float)source, so the conversion
/// to float32 costs no extra pass. SIMD with a scalar twin.
/// </summary>
internal readonly struct ColorFromZeroKernel(MultigridLevel lev, double[] source, float[] b, float[] x, int color) : IRowKernel
{
    public void Rows(int start, int end)
    {
        var nx = lev.Nx;
        var ny = lev.Ny;
        var convert = source.Length > 0;
        var w = Vector<float>.Count;
        ref var inv0 = ref MemoryMarshal.GetArrayDataReference(lev.InverseDiagonal);
        ref var b0 = ref MemoryMarshal.GetArrayDataReference(b);
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(x);
        for (var r = start; r < end; r++)
        {
            var parity = (color ^ (r % ny) ^ (r / ny)) & 1;
            var row = r * nx;
            var i = 0;
            if (lev.Simd && Vector.IsHardwareAccelerated)
            {
                // lane l of a vector starting at an even i has parity l mod 2
                var mask = parity == 0 ? EvenLanes() : ~EvenLanes();
                for (; i + w <= nx; i += w)
                {
                    var idx = (nuint)(row + i);
                    Vector<float> bv;
                    if (convert)
                    {
                        ref var s0 = ref MemoryMarshal.GetArrayDataReference(source);
                        bv = Vector.Narrow(Vector.LoadUnsafe(ref s0, idx), Vector.LoadUnsafe(ref s0, idx + (nuint)Vector<double>.Count));
                        bv.StoreUnsafe(ref b0, idx);
                    }
                    else
                    {
                        bv = Vector.LoadUnsafe(ref b0, idx);
                    }

                    Vector.ConditionalSelect(mask, bv * Vector.LoadUnsafe(ref inv0, idx), Vector<float>.Zero).StoreUnsafe(ref x0, idx);
                }
            }

            for (; i < nx; i++)
            {
                var idx = row + i;
                if (convert)
                {
                    b[idx] = (float)source[idx];
                }

                x[idx] = (i & 1) == parity ? b[idx] * lev.InverseDiagonal[idx] : 0f;
            }
        }
    }

    private static Vector<float> EvenLanes() => Vector.AsVectorSingle(Vector.Equals(Vector<int>.Indices & Vector<int>.One, Vector<int>.Zero));
}
