namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// One symmetric geometric-multigrid V-cycle as a CG preconditioner (cell-centred, factor-2 coarsening per dimension,
/// piecewise-constant prolongation P and restriction Pᵀ, coarse face conductances ½·Σ fine conductances, i.e. the
/// Galerkin operator with the usual ½ correction for piecewise-constant transfer).
/// Smoother: red–black Gauss–Seidel, red then black before the coarse correction and black then red after it; each
/// colour half-sweep is an A-orthogonal projection (A-self-adjoint), so the post-smoother is the adjoint of the
/// pre-smoother and the cycle is symmetric positive definite, as CG needs. The coarsest level (≤ 4 cells per side) runs
/// a palindromic R B (R B)ⁿ R sequence.
/// Mixed precision: the hierarchy is built and updated in float64 (<see cref="StencilMatrix"/>), the cycle itself runs on
/// float32 copies (<see cref="MultigridLevel"/>), which halves the memory traffic of this memory-bound part; the outer
/// CG and its residual stay float64, so the 1e-8 (or tighter) tolerance is still reached, only the preconditioner is
/// rounded to float32 (symmetric to float32 rounding, ≈ 1e-7 relative).
/// Passes per fine-level cycle: red-from-zero fused with the float64 → float32 conversion of CG's residual; black;
/// residual fused with restriction; prolongation-and-correction; black; red fused with the float32 → float64 output and
/// CG's r·z.
/// References: Trottenberg, Oosterlee, Schüller, <i>Multigrid</i>, 2001, §2, §2.9 (red–black), §7.7; Wesseling,
/// <i>An Introduction to Multigrid Methods</i>, §5; Tatebe, "The multigrid preconditioned conjugate gradient method",
/// 1993 (symmetry requirements of MG as a CG preconditioner).
/// </summary>
internal sealed class MultigridPreconditioner : IPreconditioner
{
    private const int Red = 0;
    private const int Black = 1;
    private const int CoarsestSweepPairs = 15;

    /// <summary>Red–black sweep pairs before and after the coarse correction (1024² benchmark: 1 pair → 8 PCG iterations, 2 → 6 at the same time per step within the noise, 66–71 vs 68–78 ms; docs/benchmarks.md).</summary>
    private const int SmoothingSweeps = 1;
    private readonly MultigridLevel[] _levels;
    private readonly double[] _fineSumG;
    private readonly double[][] _coarseSumG;

    public MultigridPreconditioner(StencilMatrix fine, double[] fineSumG, bool simd)
    {
        _fineSumG = fineSumG;
        var levels = new List<MultigridLevel> { new(fine, fine: true) };
        var m = fine;
        var scale = fine.OffScale;
        while (Math.Max(m.Nx, Math.Max(m.Ny, m.Nz)) > 4)
        {
            // coarse levels run in parallel too while they are large enough to pay for the fork/join
            m = Coarsen(m, scale, simd, fine.Parallel ? ParallelThresholdOf(fine) : int.MaxValue);
            scale = 1.0;
            levels.Add(new MultigridLevel(m, fine: false));
        }

        _levels = [.. levels];

        // coarse conductances never change: their row sums are computed once, not on every Update
        _coarseSumG = new double[_levels.Length][];
        _coarseSumG[0] = [];
        for (var l = 1; l < _levels.Length; l++)
        {
            var cm = _levels[l].Matrix;
            var sums = new double[cm.Count];
            for (var idx = 0; idx < sums.Length; idx++)
            {
                sums[idx] = SumG(cm, idx);
            }

            _coarseSumG[l] = sums;
        }
    }

    public int LevelCount => _levels.Length;

    public void Update()
    {
        // fine reaction = d − θ·ΣG; coarse reaction = Σ children; coarse d = reaction + Σ coarse G
        // (the fine reaction is formed inside the first restriction, never stored)
        var f = _levels[0];
        for (var l = 1; l < _levels.Length; l++)
        {
            var c = _levels[l];
            Array.Clear(c.Reaction);
            if (l == 1)
            {
                Restrict(f.Matrix, f.Matrix.Diagonal, _fineSumG, f.Matrix.OffScale, c.Matrix, c.Reaction);
            }
            else
            {
                Restrict(_levels[l - 1].Matrix, _levels[l - 1].Reaction, [], 0.0, c.Matrix, c.Reaction);
            }

            var cm = c.Matrix;
            var sumG = _coarseSumG[l];
            for (var idx = 0; idx < cm.Count; idx++)
            {
                cm.Diagonal[idx] = c.Reaction[idx] + sumG[idx];
            }
        }

        foreach (var level in _levels)
        {
            level.SyncDiagonal();
        }
    }

    public double Apply(double[] r, double[] z) => Cycle(0, r, z);

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

    /// <summary>coarse[parent(i)] += fine[i] − s·sub[i] (Pᵀ of piecewise-constant prolongation; <paramref name="sub"/> may be empty).</summary>
    private static void Restrict(StencilMatrix f, double[] fine, double[] sub, double s, StencilMatrix c, double[] coarse)
    {
        var nx = f.Nx;
        var ny = f.Ny;
        for (var k = 0; k < f.Nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                var fb = nx * (j + (ny * k));
                var row = fine.AsSpan(fb, nx);
                var dst = coarse.AsSpan(c.Nx * ((j / 2) + (c.Ny * (k / 2))), c.Nx);
                if (sub.Length == 0)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        dst[i >> 1] += row[i];
                    }
                }
                else
                {
                    var sr = sub.AsSpan(fb, nx);
                    for (var i = 0; i < row.Length; i++)
                    {
                        dst[i >> 1] += row[i] - (s * sr[i]);
                    }
                }
            }
        }
    }

    /// <summary>
    /// One V-cycle for A·x = b from x = 0 in float32 on level <paramref name="l"/> (its <see cref="MultigridLevel.B"/> and
    /// <see cref="MultigridLevel.X"/>). On the fine level b is converted from the float64 <paramref name="r"/> in the first
    /// pass, the last pass writes the result to the float64 <paramref name="z"/> and the cycle returns r·z; elsewhere 0.
    /// </summary>
    private double Cycle(int l, double[] r, double[] z)
    {
        var lev = _levels[l];
        var b = lev.B;
        var x = lev.X;
        var fine = l == 0;

        // pre-smoothing: red from x = 0 (converting CG's residual on the fine level), then black
        Solver.RowDriver.Run(new ColorFromZeroKernel(lev, fine ? r : [], b, x, Red), lev.Rows, lev.Parallel);
        Sweep(lev, Black);
        for (var s = 1; s < SmoothingSweeps; s++)
        {
            Sweep(lev, Red);
            Sweep(lev, Black);
        }

        if (l == _levels.Length - 1)
        {
            // R B (R B)ⁿ R: alternating half-sweeps that start and end on red form a palindrome, so the coarsest solve is symmetric too
            for (var s = 0; s < CoarsestSweepPairs; s++)
            {
                Sweep(lev, Red);
                Sweep(lev, Black);
            }

            return Finish(lev, fine, r, z);
        }

        var c = _levels[l + 1];
        Solver.RowDriver.Run(new ResidualRestrictKernel(lev, b, x, c), c.Rows, lev.Parallel);
        Cycle(l + 1, [], []);
        Solver.RowDriver.Run(new ProlongKernel(lev, c), lev.Rows, lev.Parallel);

        // post-smoothing in the reverse colour order (black, then red): the adjoint of the pre-smoother
        for (var s = 1; s < SmoothingSweeps; s++)
        {
            Sweep(lev, Black);
            Sweep(lev, Red);
        }

        Sweep(lev, Black);
        return Finish(lev, fine, r, z);
    }

    /// <summary>The last (red) half-sweep; on the fine level it writes z and returns r·z.</summary>
    private static double Finish(MultigridLevel lev, bool fine, double[] r, double[] z)
    {
        if (!fine)
        {
            Sweep(lev, Red);
            return 0.0;
        }

        return Solver.RowDriver.RunSum(new SmootherKernel(lev, lev.B, lev.X, Red, SmootherKernel.ModeSweepOut, r, z), lev.Rows, lev.Parallel, lev.Partials);
    }

    private static void Sweep(MultigridLevel lev, int color) =>
        Solver.RowDriver.RunSum(new SmootherKernel(lev, lev.B, lev.X, color, SmootherKernel.ModeSweep, [], []), lev.Rows, lev.Parallel, lev.Partials);
}
