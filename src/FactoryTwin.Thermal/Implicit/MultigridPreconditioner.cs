namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// One symmetric geometric-multigrid V-cycle as a CG preconditioner (cell-centred, factor-2 coarsening per dimension,
/// piecewise-constant prolongation P and restriction Pᵀ, coarse face conductances ½·Σ fine conductances, i.e. the
/// Galerkin operator with the usual ½ correction for piecewise-constant transfer; two weighted-Jacobi sweeps
/// before and after the coarse correction keep the cycle symmetric, as CG needs).
/// References: Trottenberg, Oosterlee, Schüller, <i>Multigrid</i>, 2001, §2 and §7.7; Wesseling, <i>An Introduction to Multigrid Methods</i>, §5.
/// </summary>
internal sealed class MultigridPreconditioner : IPreconditioner
{
    private const double Omega = 0.8;
    private const int CoarsestSweepPairs = 15;
    private readonly MultigridLevel[] _levels;
    private readonly double[] _fineSumG;

    public MultigridPreconditioner(StencilMatrix fine, double[] fineSumG, bool simd)
    {
        _fineSumG = fineSumG;
        var levels = new List<MultigridLevel> { new(fine, ownsVectors: false) };
        var m = fine;
        var scale = fine.OffScale;
        while (Math.Max(m.Nx, Math.Max(m.Ny, m.Nz)) > 4)
        {
            // coarse levels run in parallel too while they are large enough to pay for the fork/join
            m = Coarsen(m, scale, simd, fine.Parallel ? ParallelThresholdOf(fine) : int.MaxValue);
            scale = 1.0;
            levels.Add(new MultigridLevel(m, ownsVectors: true));
        }

        _levels = [.. levels];
    }

    public int LevelCount => _levels.Length;

    public void Update()
    {
        // fine reaction = d − θ·ΣG; coarse reaction = Σ children; coarse d = reaction + Σ coarse G
        var f = _levels[0];
        var fd = f.Matrix.Diagonal;
        var off = f.Matrix.OffScale;
        for (var i = 0; i < fd.Length; i++)
        {
            f.Reaction[i] = fd[i] - (off * _fineSumG[i]);
        }

        for (var l = 1; l < _levels.Length; l++)
        {
            var c = _levels[l];
            Array.Clear(c.Reaction);
            Restrict(_levels[l - 1].Matrix, _levels[l - 1].Reaction, c.Matrix, c.Reaction);
            var cm = c.Matrix;
            for (var idx = 0; idx < cm.Count; idx++)
            {
                cm.Diagonal[idx] = c.Reaction[idx] + SumG(cm, idx);
            }
        }
    }

    public void Apply(double[] r, double[] z) => Cycle(0, r, z);

    private static double SumG(StencilMatrix m, int idx)
    {
        var i = idx % m.Nx;
        var j = (idx / m.Nx) % m.Ny;
        var k = idx / (m.Nx * m.Ny);
        var s = m.Gx[idx] + (i > 0 ? m.Gx[idx - 1] : 0.0);
        if (m.Ny > 1)
        {
            s += m.Gy[idx] + (j > 0 ? m.Gy[idx - m.Nx] : 0.0);
        }

        if (m.Nz > 1)
        {
            s += m.Gz[idx] + (k > 0 ? m.Gz[idx - (m.Nx * m.Ny)] : 0.0);
        }

        return s * m.OffScale;
    }

    /// <summary>The fine level is parallel from <see cref="Solver.HeatSolverOptions.ParallelThreshold"/> cells; coarse levels use the default threshold.</summary>
    private static int ParallelThresholdOf(StencilMatrix fine) => Math.Min(fine.Count, Solver.HeatSolverOptions.DefaultParallelThreshold);

    private static StencilMatrix Coarsen(StencilMatrix f, double scale, bool simd, int parallelThreshold)
    {
        var cx = (f.Nx + 1) / 2;
        var cy = (f.Ny + 1) / 2;
        var cz = (f.Nz + 1) / 2;
        var n = cx * cy * cz;
        var gx = new double[n];
        var gy = cy > 1 ? new double[n] : [];
        var gz = cz > 1 ? new double[n] : [];
        for (var k = 0; k < f.Nz; k++)
        {
            for (var j = 0; j < f.Ny; j++)
            {
                for (var i = 0; i < f.Nx; i++)
                {
                    var fi = i + (f.Nx * (j + (f.Ny * k)));
                    var ci = (i / 2) + (cx * ((j / 2) + (cy * (k / 2))));

                    // a fine face is a coarse face when it leaves the coarse cell (odd fine index)
                    if ((i & 1) == 1 && i < f.Nx - 1)
                    {
                        gx[ci] += 0.5 * scale * f.Gx[fi];
                    }

                    if (cy > 1 && (j & 1) == 1 && j < f.Ny - 1)
                    {
                        gy[ci] += 0.5 * scale * f.Gy[fi];
                    }

                    if (cz > 1 && (k & 1) == 1 && k < f.Nz - 1)
                    {
                        gz[ci] += 0.5 * scale * f.Gz[fi];
                    }
                }
            }
        }

        return new StencilMatrix(cx, cy, cz, gx, gy, gz, 1.0, parallel: n >= parallelThreshold, simd);
    }

    /// <summary>Coarse[parent(i)] += fine[i] (Pᵀ of piecewise-constant prolongation).</summary>
    private static void Restrict(StencilMatrix f, double[] fine, StencilMatrix c, double[] coarse)
    {
        var nx = f.Nx;
        var ny = f.Ny;
        for (var k = 0; k < f.Nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                var fb = nx * (j + (ny * k));
                var cb = c.Nx * ((j / 2) + (c.Ny * (k / 2)));
                for (var i = 0; i < nx; i++)
                {
                    coarse[cb + (i >> 1)] += fine[fb + i];
                }
            }
        }
    }

    private void Cycle(int l, double[] b, double[] x)
    {
        var lev = _levels[l];
        var m = lev.Matrix;
        var d = m.Diagonal;

        // first Jacobi sweep from x = 0
        Solver.RowDriver.Run(new ScaledInverseKernel(m.Nx, b, d, x, Omega), m.Rows, m.Parallel);

        if (l == _levels.Length - 1)
        {
            for (var s = 0; s < CoarsestSweepPairs; s++)
            {
                m.Jacobi(b, x, lev.Tmp, Omega);
                m.Jacobi(b, lev.Tmp, x, Omega);
            }

            return;
        }

        m.Jacobi(b, x, lev.Tmp, Omega);
        m.Residual(b, lev.Tmp, lev.R);
        var c = _levels[l + 1];
        Solver.RowDriver.Run(new RestrictKernel(m, lev.R, c.Matrix, c.B), c.Matrix.Rows, m.Parallel);
        Cycle(l + 1, c.B, c.X);
        Solver.RowDriver.Run(new ProlongKernel(m, lev.Tmp, c.Matrix, c.X), m.Rows, m.Parallel);
        m.Jacobi(b, lev.Tmp, lev.R, Omega);
        m.Jacobi(b, lev.R, x, Omega);
    }
}
