using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// θ-scheme (backward Euler θ = 1, Crank–Nicolson θ = ½) in float64 on the CPU:
/// (ρc/Δt + θ·A¹)·T¹ = (ρc/Δt − (1−θ)·A⁰)·T⁰ + θ·s¹ + (1−θ)·s⁰ + q, where A = L + D is the conduction operator plus the boundary
/// diagonal and s the boundary explicit part, both linearized around T⁰ (radiation). Unconditionally stable for θ ≥ ½.
/// 1-D: Thomas; 2-D/3-D: preconditioned conjugate gradient (the matrix is symmetric positive definite).
/// </summary>
internal sealed class ImplicitCpuSolver : IHeatSolver
{
    private readonly HeatOperator _op;
    private readonly HeatSolverOptions _options;
    private readonly double _theta;
    private readonly bool _simd;
    private readonly bool _parallel;
    private readonly StencilMatrix _matrix;
    private readonly StencilMatrix _laplacian;
    private readonly IPreconditioner? _preconditioner;
    private readonly double[] _rhs;
    private readonly double[] _r;
    private readonly double[] _z;
    private readonly double[] _p;
    private readonly double[] _q;
    private readonly double[] _partials;
    private double[] _cur;
    private double[] _next;
    private double _preparedDt = double.NaN;

    public ImplicitCpuSolver(HeatOperator op, HeatSolverOptions options)
    {
        _op = op;
        _options = options;
        _theta = options.Scheme == TimeScheme.CrankNicolson ? 0.5 : 1.0;
        _simd = options.Backend != HeatBackend.CpuScalar;
        _parallel = op.Count >= options.ParallelThreshold;
        _cur = (double[])op.InitialTemperature.Clone();
        _next = new double[op.Count];
        _rhs = new double[op.Count];
        _r = new double[op.Count];
        _z = new double[op.Count];
        _p = new double[op.Count];
        _q = new double[op.Count];
        _partials = new double[Environment.ProcessorCount * 4];
        _matrix = new StencilMatrix(op.Nx, op.Ny, op.Nz, op.Gx, op.Gy, op.Gz, _theta, _parallel, _simd);
        _laplacian = new StencilMatrix(op.Nx, op.Ny, op.Nz, op.Gx, op.Gy, op.Gz, 1.0, _parallel, _simd);
        Array.Copy(op.SumG, _laplacian.Diagonal, op.Count);
        if (op.Grid.Dimensions > 1)
        {
            _preconditioner = options.Preconditioner == PreconditionerKind.Jacobi
                ? new JacobiPreconditioner(_matrix)
                : new MultigridPreconditioner(_matrix, op.SumG, _simd);
        }
    }

    public Grid Grid => _op.Grid;

    public TimeScheme Scheme => _options.Scheme;

    public HeatBackend Backend => _options.Backend;

    public HeatPrecision Precision => HeatPrecision.Binary64;

    public double Time { get; private set; }

    public StepStatistics LastStep { get; private set; }

    public double StableTimeStep => double.PositiveInfinity;

    public void TakeStep(double dt)
    {
        if (!(dt > 0.0) || !double.IsFinite(dt))
        {
            ThrowHelper.ThrowBadStep(dt);
        }

        var op = _op;
        var n = op.Count;
        var theta = _theta;
        var cap = op.Capacity;
        var cur = _cur;
        var rhs = _rhs;
        var invDt = 1.0 / dt;

        // explicit part: ρc/Δt·T⁰ + q − (1−θ)·(L·T⁰ + D⁰T⁰ − s⁰)
        if (theta < 1.0)
        {
            _laplacian.Apply(cur, rhs);
            var w = 1.0 - theta;
            for (var i = 0; i < n; i++)
            {
                rhs[i] = (cap[i] * invDt * cur[i]) + op.Source[i] - (w * rhs[i]);
            }

            op.EvaluateBoundaries<double>(Time, cur);
            foreach (var f in op.Faces)
            {
                var cells = f.Cells;
                for (var e = 0; e < cells.Length; e++)
                {
                    rhs[cells[e]] += w * (f.Explicit[e] - (f.Diagonal[e] * cur[cells[e]]));
                }
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                rhs[i] = (cap[i] * invDt * cur[i]) + op.Source[i];
            }
        }

        // implicit part at t¹, linearized around T⁰
        var diag = _matrix.Diagonal;
        for (var i = 0; i < n; i++)
        {
            diag[i] = (cap[i] * invDt) + (theta * op.SumG[i]);
        }

        op.EvaluateBoundaries<double>(Time + dt, cur);
        foreach (var f in op.Faces)
        {
            var cells = f.Cells;
            for (var e = 0; e < cells.Length; e++)
            {
                diag[cells[e]] += theta * f.Diagonal[e];
                rhs[cells[e]] += theta * f.Explicit[e];
            }
        }

        if (op.Grid.Dimensions == 1)
        {
            SolveTridiagonal();
            LastStep = default;
        }
        else
        {
            // the preconditioner depends on Δt and the boundary diagonal only
            if (dt != _preparedDt || op.Faces.Length > 0)
            {
                _preconditioner!.Update();
                _preparedDt = dt;
            }

            Array.Copy(cur, _next, n);
            LastStep = ConjugateGradient(_next);
        }

        (_cur, _next) = (_next, _cur);
        Time += dt;
    }

    public int Advance(double duration, double maxStep = double.PositiveInfinity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration);
        if (duration == 0.0)
        {
            return 0;
        }

        if (!double.IsFinite(maxStep))
        {
            throw new ArgumentOutOfRangeException(nameof(maxStep), "Implicit schemes need a finite maximum step (seconds).");
        }

        var steps = (int)Math.Ceiling(duration / maxStep * (1.0 - 1e-12));
        var dt = duration / steps;
        for (var s = 0; s < steps; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TakeStep(dt);
        }

        return steps;
    }

    public void CopyTemperature(Span<double> destination)
    {
        if (destination.Length < _op.Count)
        {
            ThrowHelper.ThrowLength(nameof(destination), _op.Count);
        }

        _cur.AsSpan().CopyTo(destination);
    }

    public double GetTemperature(int cell) => _cur[cell];

    public double ThermalEnergy() => _op.Energy(_cur);

    public void Dispose()
    {
    }

    private void SolveTridiagonal()
    {
        var n = _op.Count;
        var gx = _op.Gx;

        // a, c in _p and _q; diagonal in the matrix; scratch in _z
        _p[0] = 0.0;
        for (var i = 1; i < n; i++)
        {
            _p[i] = -_theta * gx[i - 1];
        }

        for (var i = 0; i < n; i++)
        {
            _q[i] = -_theta * gx[i];
        }

        Array.Copy(_rhs, _next, n);
        Thomas.Solve(_p.AsSpan(0, n), _matrix.Diagonal.AsSpan(0, n), _q.AsSpan(0, n), _next.AsSpan(0, n), _z.AsSpan(0, n));
    }

    /// <summary>Preconditioned conjugate gradient (Hestenes–Stiefel 1952; Saad, <i>Iterative Methods for Sparse Linear Systems</i>, Alg. 9.1).</summary>
    private StepStatistics ConjugateGradient(double[] x)
    {
        var n = _op.Count;
        var a = _matrix;
        var pre = _preconditioner!;
        var tol = _options.Tolerance;
        var bnorm = Math.Sqrt(VectorKernel.Dot(_rhs, _rhs, n, _parallel, _simd, _partials));
        if (bnorm == 0.0)
        {
            Array.Clear(x);
            return default;
        }

        var rr = a.Residual(_rhs, x, _r);
        var rel = Math.Sqrt(rr) / bnorm;
        if (rel <= tol)
        {
            return new StepStatistics(0, rel);
        }

        var rz = pre.Apply(_r, _z);
        Array.Copy(_z, _p, n);
        for (var it = 1; it <= _options.MaxIterations; it++)
        {
            var pq = a.Apply(_p, _q);
            var alpha = rz / pq;
            rr = VectorKernel.CgUpdate(x, _p, _r, _q, alpha, n, _parallel, _simd, _partials);
            rel = Math.Sqrt(rr) / bnorm;
            if (rel <= tol)
            {
                return new StepStatistics(it, rel);
            }

            var rzNew = pre.Apply(_r, _z);
            VectorKernel.Xpby(_z, _p, rzNew / rz, n, _parallel, _simd, _partials);
            rz = rzNew;
        }

        ThrowHelper.ThrowNotConverged(_options.MaxIterations, rel, tol);
        return default;
    }
}
