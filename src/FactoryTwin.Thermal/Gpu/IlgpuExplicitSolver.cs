using ILGPU;
using ILGPU.Runtime;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Gpu;

/// <summary>
/// Explicit FTCS in float64 on an ILGPU accelerator (CUDA, or the CPU emulator for tests). The temperature stays on the
/// device; the host mirror is refreshed only when read or when radiation needs the state for the stability bound.
/// </summary>
internal sealed class IlgpuExplicitSolver : IHeatSolver
{
    private readonly HeatOperator _op;
    private readonly HeatSolverOptions _options;
    private readonly IlgpuDevice _device;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, StencilParams> _stencil;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, FaceParams> _boundary;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _gx;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _gy;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _gz;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _invC;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _q;
    private readonly MemoryBuffer1D<int, Stride1D.Dense>[] _faceCells;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>[] _faceHalf;
    private readonly double[] _host;
    private readonly bool _stateDependent;
    private MemoryBuffer1D<double, Stride1D.Dense> _cur;
    private MemoryBuffer1D<double, Stride1D.Dense> _next;
    private bool _hostValid = true;

    public IlgpuExplicitSolver(HeatOperator op, HeatSolverOptions options, IlgpuDevice device)
    {
        _op = op;
        _options = options;
        _device = device;
        var acc = device.Accelerator;
        _stencil = acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, StencilParams>(IlgpuKernels.Stencil);
        _boundary = acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, FaceParams>(IlgpuKernels.Boundary);
        _host = (double[])op.InitialTemperature.Clone();
        _cur = Upload(acc, _host);
        _next = acc.Allocate1D<double>(op.Count);
        _gx = Upload(acc, op.Gx);
        _gy = Upload(acc, op.Gy.Length > 0 ? op.Gy : [0.0]);
        _gz = Upload(acc, op.Gz.Length > 0 ? op.Gz : [0.0]);
        _invC = Upload(acc, op.InvCapacity);
        _q = Upload(acc, op.Source);
        _faceCells = new MemoryBuffer1D<int, Stride1D.Dense>[op.Faces.Length];
        _faceHalf = new MemoryBuffer1D<double, Stride1D.Dense>[op.Faces.Length];
        for (var f = 0; f < op.Faces.Length; f++)
        {
            _faceCells[f] = acc.Allocate1D(op.Faces[f].Cells);
            _faceHalf[f] = Upload(acc, op.Faces[f].HalfConductance);
            _stateDependent |= op.Faces[f].DependsOnState;
        }
    }

    public Problem.Grid Grid => _op.Grid;

    public TimeScheme Scheme => TimeScheme.Explicit;

    public HeatBackend Backend => _options.Backend;

    public HeatPrecision Precision => HeatPrecision.Binary64;

    public double Time { get; private set; }

    public StepStatistics LastStep => default;

    public double StableTimeStep
    {
        get
        {
            EvaluateBoundaries();
            return _op.StableStep();
        }
    }

    public void TakeStep(double dt)
    {
        if (!(dt > 0.0) || !double.IsFinite(dt))
        {
            ThrowHelper.ThrowBadStep(dt);
        }

        EvaluateBoundaries();
        var limit = _op.StableStep();
        if (dt > limit * (1.0 + 1e-12))
        {
            ThrowHelper.ThrowUnstable(dt, limit);
        }

        Launch(dt);
    }

    public int Advance(double duration, double maxStep = double.PositiveInfinity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration);
        var end = Time + duration;
        var steps = 0;
        while (end - Time > 1e-12 * Math.Max(1.0, Math.Abs(end)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            EvaluateBoundaries();
            var remaining = end - Time;
            var dt = Math.Min(Math.Min(_op.StableStep() * _options.StabilitySafetyFactor, maxStep), remaining);
            dt = remaining / Math.Ceiling(remaining / dt);
            Launch(dt);
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

        SyncHost();
        _host.AsSpan().CopyTo(destination);
    }

    public double GetTemperature(int cell)
    {
        SyncHost();
        return _host[cell];
    }

    public double ThermalEnergy()
    {
        SyncHost();
        return _op.Energy(_host);
    }

    public void Dispose()
    {
        _cur.Dispose();
        _next.Dispose();
        _gx.Dispose();
        _gy.Dispose();
        _gz.Dispose();
        _invC.Dispose();
        _q.Dispose();
        foreach (var b in _faceCells)
        {
            b.Dispose();
        }

        foreach (var b in _faceHalf)
        {
            b.Dispose();
        }

        _device.Dispose();
    }

    private static MemoryBuffer1D<double, Stride1D.Dense> Upload(Accelerator acc, double[] data) => acc.Allocate1D(data);

    private void EvaluateBoundaries()
    {
        // radiation coefficients depend on the state: refresh the host copy (schedules alone do not need it)
        if (_stateDependent)
        {
            SyncHost();
        }

        _op.EvaluateBoundaries<double>(Time, _host);
    }

    private void SyncHost()
    {
        if (!_hostValid)
        {
            _cur.CopyToCPU(_host);
            _hostValid = true;
        }
    }

    private void Launch(double dt)
    {
        var p = new StencilParams { Nx = _op.Nx, Ny = _op.Ny, Nz = _op.Nz, Dt = dt };
        _stencil(_op.Count, _cur.View, _next.View, _gx.View, _gy.View, _gz.View, _invC.View, _q.View, p);
        for (var f = 0; f < _op.Faces.Length; f++)
        {
            var v = _op.Faces[f].ValuesAt(Time);
            var fp = new FaceParams { Kind = v.Kind, Value = v.Value, H = v.H, Emissivity = v.Emissivity, Radiant = v.Radiant, InvSpacing = v.InvSpacing, Dt = dt };
            _boundary((int)_faceCells[f].Length, _faceCells[f].View, _faceHalf[f].View, _cur.View, _next.View, _invC.View, fp);
        }

        _device.Accelerator.Synchronize();
        (_cur, _next) = (_next, _cur);
        Time += dt;
        _hostValid = false;
    }
}
