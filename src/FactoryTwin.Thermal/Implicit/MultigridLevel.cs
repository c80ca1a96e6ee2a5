using System.Numerics;
using System.Runtime.InteropServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// One level of the multigrid hierarchy: its float64 matrix (built and updated in float64), its reaction part
/// (capacity/Δt + boundary), and the float32 copy the V-cycle runs on (conductances pre-multiplied by the matrix's
/// off-diagonal scale, diagonal and its inverse) with float32 scratch vectors.
/// </summary>
internal sealed class MultigridLevel
{
    public MultigridLevel(StencilMatrix matrix, bool fine)
    {
        Matrix = matrix;
        var n = matrix.Count;
        Reaction = fine ? [] : new double[n];
        Gx = Scaled(matrix.Gx, matrix.OffScale);
        Gy = Scaled(matrix.Gy, matrix.OffScale);
        Gz = Scaled(matrix.Gz, matrix.OffScale);
        Diagonal = new float[n];
        InverseDiagonal = new float[n];
        Zero = new float[matrix.Nx];
        R = new float[n];
        B = new float[n];
        X = new float[n];
        Partials = new double[RowPartition.ChunkCount(matrix.Rows)];
    }

    public StencilMatrix Matrix { get; }

    /// <summary>Diagonal minus the off-diagonal row sum (ρc/Δt + θ·boundary), per cell; coarse levels only (the fine one is formed inside the first restriction).</summary>
    public double[] Reaction { get; }

    public int Nx => Matrix.Nx;

    public int Ny => Matrix.Ny;

    public int Nz => Matrix.Nz;

    public int Rows => Matrix.Rows;

    public bool Parallel => Matrix.Parallel;

    public bool Simd => Matrix.Simd;

    /// <summary>s·Gx (float32), s the matrix's off-diagonal scale; likewise <see cref="Gy"/>, <see cref="Gz"/> (empty when the dimension is absent).</summary>
    public float[] Gx { get; }

    public float[] Gy { get; }

    public float[] Gz { get; }

    public float[] Diagonal { get; }

    public float[] InverseDiagonal { get; }

    public float[] Zero { get; }

    /// <summary>The residual b − A·x of this level, written row by row as the restriction consumes it.</summary>
    public float[] R { get; }

    /// <summary>Right-hand side (the restricted residual; on the fine level the float32 copy of CG's residual).</summary>
    public float[] B { get; }

    /// <summary>The correction this level computes.</summary>
    public float[] X { get; }

    public double[] Partials { get; }

    /// <summary>Copies the float64 diagonal into the float32 diagonal and its inverse (after <see cref="MultigridPreconditioner.Update"/>).</summary>
    public void SyncDiagonal()
    {
        var d = Matrix.Diagonal;
        var i = 0;
        if (Simd && Vector.IsHardwareAccelerated)
        {
            var wd = Vector<double>.Count;
            ref var d0 = ref MemoryMarshal.GetArrayDataReference(d);
            ref var f0 = ref MemoryMarshal.GetArrayDataReference(Diagonal);
            ref var inv0 = ref MemoryMarshal.GetArrayDataReference(InverseDiagonal);
            for (; i + (2 * wd) <= d.Length; i += 2 * wd)
            {
                var f = Vector.Narrow(Vector.LoadUnsafe(ref d0, (nuint)i), Vector.LoadUnsafe(ref d0, (nuint)(i + wd)));
                f.StoreUnsafe(ref f0, (nuint)i);
                (Vector<float>.One / f).StoreUnsafe(ref inv0, (nuint)i);
            }
        }

        for (; i < d.Length; i++)
        {
            var f = (float)d[i];
            Diagonal[i] = f;
            InverseDiagonal[i] = 1f / f;
        }
    }

    private static float[] Scaled(double[] g, double scale)
    {
        var f = new float[g.Length];
        for (var i = 0; i < g.Length; i++)
        {
            f[i] = (float)(scale * g[i]);
        }

        return f;
    }
}
