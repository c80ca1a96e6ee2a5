using System.Numerics;
using System.Runtime.CompilerServices;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Explicit;

/// <summary>
/// Explicit FTCS on the CPU in float64 or float32 with <see cref="Vector{T}"/> SIMD (or its scalar twin) and row-parallelism above a threshold.
/// Explicit FTCS: stable for alpha*dt/dx² &lt;= 1/(2d); the exact per-cell bound including boundary conductances is checked every step.
/// </summary>
internal sealed class ExplicitCpuSolver<T> : IHeatSolver
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Field size (bytes per array) from which the uniform stencil writes with streaming stores: well above the last-level cache, where
    /// the destination would be evicted before the next step reads it anyway (below it, streaming would only add misses).
    /// </summary>
    internal const long NonTemporalBytes = 16L << 20;

    private readonly bool _nonTemporal;
    private readonly HeatOperator _op;
    private readonly HeatSolverOptions _options;
    private readonly bool _simd;
    private readonly bool _parallel;
    private readonly T[] _gx;
    private readonly T[] _gy;
    private readonly T[] _gz;
    private readonly T[] _zero;
    private readonly T[] _invC;
    private readonly T[] _q;
    private T[] _cur;
    private T[] _next;

    public ExplicitCpuSolver(HeatOperator op, HeatSolverOptions options)
    {
        _op = op;
        _options = options;
        _simd = options.Backend != HeatBackend.CpuScalar;
        _parallel = op.Count >= options.ParallelThreshold;
        _nonTemporal = _simd && op.IsUniform && (long)op.Count * Unsafe.SizeOf<T>() >= NonTemporalBytes && UniformExplicitKernel<T>.CanStream;

        // streaming stores take addresses: keep both fields where the GC never moves them (pinned object heap)
        _cur = Convert(op.InitialTemperature, _nonTemporal);
        _next = _nonTemporal ? GC.AllocateArray<T>(op.Count, pinned: true) : new T[op.Count];
        if (op.IsUniform)
        {
            _gx = _gy = _gz = _invC = _q = [];
            _zero = [];
        }
        else
        {
            _gx = Convert(op.Gx);
            _gy = Convert(op.Gy);
            _gz = Convert(op.Gz);
            _invC = Convert(op.InvCapacity);
            _q = Convert(op.Source);
            _zero = new T[op.Nx];
        }
    }

    public Grid Grid => _op.Grid;

    public TimeScheme Scheme => TimeScheme.Explicit;

    public HeatBackend Backend => _options.Backend;

    public HeatPrecision Precision => typeof(T) == typeof(float) ? HeatPrecision.Binary32 : HeatPrecision.Binary64;

    public double Time { get; private set; }

    public StepStatistics LastStep { get; private set; }

    public double StableTimeStep
    {
        get
        {
            _op.EvaluateBoundaries<T>(Time, _cur);
            return _op.StableStep();
        }
    }

    public void TakeStep(double dt)
    {
        if (!(dt > 0.0) || !double.IsFinite(dt))
        {
            ThrowHelper.ThrowBadStep(dt);
        }

        _op.EvaluateBoundaries<T>(Time, _cur);
        var limit = _op.StableStep();
        if (dt > limit * (1.0 + 1e-12))
        {
            ThrowHelper.ThrowUnstable(dt, limit);
        }

        StepUnchecked(dt);
    }

    public int Advance(double duration, double maxStep = double.PositiveInfinity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration);
        var end = Time + duration;
        var steps = 0;
        while (end - Time > 1e-12 * Math.Max(1.0, Math.Abs(end)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _op.EvaluateBoundaries<T>(Time, _cur);
            var limit = _op.StableStep() * _options.StabilitySafetyFactor;
            var remaining = end - Time;
            var dt = Math.Min(Math.Min(limit, maxStep), remaining);

            // equal steps to the end: avoid a tiny last step
            var n = Math.Ceiling(remaining / dt);
            dt = remaining / n;
            StepUnchecked(dt);
            steps++;
        }

        return steps;
    }

    public void CopyTemperature(Span<double> destination)
    {
        if (destination.Length < _op.Count)
        {
            ThrowHelper.ThrowLength(nameof(destination), _op.Count);
        }

        var cur = _cur;
        for (var i = 0; i < cur.Length; i++)
        {
            destination[i] = double.CreateTruncating(cur[i]);
        }
    }

    public double GetTemperature(int cell) => double.CreateTruncating(_cur[cell]);

    public double ThermalEnergy()
    {
        var sum = 0.0;
        var cap = _op.Capacity;
        for (var i = 0; i < _cur.Length; i++)
        {
            sum += cap[i] * double.CreateTruncating(_cur[i]);
        }

        return sum * _op.Grid.CellVolume;
    }

    public void Dispose()
    {
    }

    /// <summary>One step with the boundaries already evaluated at the current state (used by benchmarks too).</summary>
    internal void StepUnchecked(double dt)
    {
        var op = _op;
        var rows = op.Ny * op.Nz;
        var tdt = T.CreateTruncating(dt);
        if (op.IsUniform)
        {
            var a = op.UniformConductance * op.UniformInvCapacity * dt;
            var cx = T.CreateTruncating(a / (op.Grid.Dx * op.Grid.Dx));
            var cy = T.CreateTruncating(a / (op.Grid.Dy * op.Grid.Dy));
            var cz = T.CreateTruncating(a / (op.Grid.Dz * op.Grid.Dz));
            var src = T.CreateTruncating(dt * op.UniformSource * op.UniformInvCapacity);
            RowDriver.Run(new UniformExplicitKernel<T>(_cur, _next, op.Nx, op.Ny, op.Nz, cx, cy, cz, src, _simd, _nonTemporal), rows, _parallel);
        }
        else
        {
            RowDriver.Run(new VariableExplicitKernel<T>(_cur, _next, _gx, _gy, _gz, _zero, _invC, _q, op.Nx, op.Ny, op.Nz, tdt, _simd), rows, _parallel);
        }

        // boundary faces: heat entering = S − D·T (explicit, evaluated at t_n around T_n)
        var invC = op.InvCapacity;
        foreach (var f in op.Faces)
        {
            var cells = f.Cells;
            var d = f.Diagonal;
            var s = f.Explicit;
            for (var e = 0; e < cells.Length; e++)
            {
                var c = cells[e];
                var rate = dt * invC[c] * (s[e] - (d[e] * double.CreateTruncating(_cur[c])));
                _next[c] += T.CreateTruncating(rate);
            }
        }

        (_cur, _next) = (_next, _cur);
        Time += dt;
        LastStep = default;
    }

    /// <summary>Evaluates the boundaries at the current state (benchmarks call this once, then <see cref="StepUnchecked"/>).</summary>
    internal void PrepareBoundaries() => _op.EvaluateBoundaries<T>(Time, _cur);

    private static T[] Convert(double[] source, bool pinned = false)
    {
        var r = pinned ? GC.AllocateArray<T>(source.Length, pinned: true) : new T[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            r[i] = T.CreateTruncating(source[i]);
        }

        return r;
    }
}
