using ILGPU;
using ILGPU.Runtime;
using FactoryTwin.Thermal.Gpu;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Batch;

/// <summary>
/// Thousands of independent 1-D slabs (e.g. the through-thickness metal temperature of car bodies at measurement points),
/// each with its own thickness, material and per-step boundary values on both faces, advanced together by an implicit
/// θ-scheme (backward Euler or Crank–Nicolson) with a batched Thomas solve. CPU (SIMD across slabs, parallel blocks) or ILGPU.
/// Steps allocate nothing on the single-threaded CPU path. Not thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var batch = SlabBatchSolver.Create(new SlabBatchOptions { ProblemCount = 200_000, CellsPerProblem = 10 });
/// for (var p = 0; p &lt; 200_000; p++) batch.SetSlab(p, thickness[p], Material.Steel, 293.15);
/// for (var step = 0; step &lt; steps; step++)
/// {
///     for (var p = 0; p &lt; 200_000; p++) { batch.West.Set(p, h[p], airTemperature[p]); batch.East.Set(p, h[p], airTemperature[p], 0.9); }
///     batch.TakeStep(1.0);
///     batch.Sample([0, 9], samples); // surface temperatures, samples[p * 2 + j]
/// }
/// </code>
/// </example>
public sealed class SlabBatchSolver : IDisposable
{
    private const int Padding = 8;
    private readonly SlabBatchOptions _options;
    private readonly int _n;
    private readonly int _m;
    private readonly double _theta;
    private readonly bool _simd;
    private readonly bool _parallel;
    private readonly double[] _t;
    private readonly double[] _cp;
    private readonly double[] _dp;
    private readonly double[] _coef;
    private readonly double[] _bc;
    private readonly double[] _thickness;
    private readonly double[] _capacity;
    private readonly IlgpuDevice? _device;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, SlabParams>? _kernel;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _dT;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _dCp;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _dDp;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _dCoef;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _dBc;
    private bool _deviceStale = true;
    private bool _hostStale;

    private SlabBatchSolver(SlabBatchOptions options)
    {
        _options = options;
        ProblemCount = options.ProblemCount;
        _m = options.CellsPerProblem;
        _n = (options.ProblemCount + Padding - 1) / Padding * Padding;
        _theta = options.Scheme == TimeScheme.CrankNicolson ? 0.5 : 1.0;
        _simd = options.Backend != HeatBackend.CpuScalar;
        _parallel = (long)_n * _m >= options.ParallelThreshold;
        _t = new double[_n * _m];
        _cp = new double[_n * _m];
        _dp = new double[_n * _m];
        _coef = new double[3 * _n];
        _bc = new double[8 * _n];
        _thickness = new double[_n];
        _capacity = new double[_n];

        // padding slabs: r = 0, no boundary heat; they stay at 0 K untouched
        _coef.AsSpan(_n, _n).Fill(1.0);
        West = new SlabSurface(_bc, 0, _n, ProblemCount);
        East = new SlabSurface(_bc, 4 * _n, _n, ProblemCount);
        if (options.Backend is HeatBackend.IlgpuCpu or HeatBackend.Cuda)
        {
            _device = IlgpuDevice.Create(options.Backend);
            var acc = _device.Accelerator;
            _kernel = acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, SlabParams>(IlgpuSlabKernel.Step);
            _dT = acc.Allocate1D<double>(_t.Length);
            _dCp = acc.Allocate1D<double>(_t.Length);
            _dDp = acc.Allocate1D<double>(_t.Length);
            _dCoef = acc.Allocate1D<double>(_coef.Length);
            _dBc = acc.Allocate1D<double>(_bc.Length);
        }
    }

    /// <summary>Number of slabs.</summary>
    public int ProblemCount { get; }

    /// <summary>Cells through each slab (cell 0 touches the west face, cell <c>CellsPerProblem − 1</c> the east face).</summary>
    public int CellsPerProblem => _m;

    /// <summary>Simulated time, in seconds.</summary>
    public double Time { get; private set; }

    /// <summary>The time scheme.</summary>
    public TimeScheme Scheme => _options.Scheme;

    /// <summary>The backend.</summary>
    public HeatBackend Backend => _options.Backend;

    /// <summary>Boundary values of the west faces (x = 0) of all slabs.</summary>
    public SlabSurface West { get; }

    /// <summary>Boundary values of the east faces (x = thickness) of all slabs.</summary>
    public SlabSurface East { get; }

    /// <summary>Creates a batch; every slab must then be set with <see cref="SetSlab"/>.</summary>
    /// <param name="options">Sizes, scheme and backend.</param>
    /// <returns>The solver.</returns>
    /// <exception cref="NotSupportedException">The explicit scheme was asked for (use <see cref="HeatSolver"/>) or CUDA is absent.</exception>
    public static SlabBatchSolver Create(SlabBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ProblemCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CellsPerProblem, 1);
        if (options.Scheme == TimeScheme.Explicit)
        {
            ThrowHelper.ThrowNotSupported("SlabBatchSolver runs backward Euler or Crank-Nicolson.");
        }

        return new SlabBatchSolver(options);
    }

    /// <summary>Sets one slab's geometry, material and uniform temperature.</summary>
    /// <param name="problem">Slab index.</param>
    /// <param name="thickness">Thickness, in metres.</param>
    /// <param name="material">Material.</param>
    /// <param name="temperature">Uniform temperature, in kelvin.</param>
    public void SetSlab(int problem, double thickness, Material material, double temperature)
    {
        CheckProblem(problem);
        material.Validate(nameof(material));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thickness);
        SyncHost();
        var dx = thickness / _m;
        var rc = material.VolumetricHeatCapacity;
        _coef[problem] = material.Conductivity / (rc * dx * dx);
        _coef[_n + problem] = 2.0 * material.Conductivity / dx;
        _coef[(2 * _n) + problem] = 1.0 / (rc * dx);
        _thickness[problem] = thickness;
        _capacity[problem] = rc;
        for (var i = 0; i < _m; i++)
        {
            _t[(i * _n) + problem] = temperature;
        }

        _deviceStale = true;
    }

    /// <summary>Advances every slab by <paramref name="dt"/> seconds with the boundary values currently in <see cref="West"/> and <see cref="East"/>.</summary>
    /// <param name="dt">Step, in seconds.</param>
    public void TakeStep(double dt)
    {
        if (!(dt > 0.0) || !double.IsFinite(dt))
        {
            ThrowHelper.ThrowBadStep(dt);
        }

        var sp = new SlabParams { N = _n, M = _m, Dt = dt, Theta = _theta };
        if (_device is null)
        {
            var k = new SlabBatchKernel(_t, _cp, _dp, _coef, _bc, sp, _simd);
            RowDriver.Run(k, SlabBatchKernel.RowCount(_n, _simd), _parallel);
        }
        else
        {
            if (_deviceStale)
            {
                _dT!.CopyFromCPU(_t);
                _dCoef!.CopyFromCPU(_coef);
                _deviceStale = false;
            }

            _dBc!.CopyFromCPU(_bc);
            _kernel!(_n, _dT!.View, _dCp!.View, _dDp!.View, _dCoef!.View, _dBc!.View, sp);
            _device.Accelerator.Synchronize();
            _hostStale = true;
        }

        Time += dt;
    }

    /// <summary>The temperature of one cell of one slab, in kelvin.</summary>
    /// <param name="problem">Slab index.</param>
    /// <param name="cell">Cell index through the thickness.</param>
    /// <returns>The temperature.</returns>
    public double GetTemperature(int problem, int cell)
    {
        CheckProblem(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, _m);
        SyncHost();
        return _t[(cell * _n) + problem];
    }

    /// <summary>Copies one slab's temperatures (kelvin, west to east) into <paramref name="destination"/>.</summary>
    /// <param name="problem">Slab index.</param>
    /// <param name="destination">At least <see cref="CellsPerProblem"/> values.</param>
    public void CopyProblem(int problem, Span<double> destination)
    {
        CheckProblem(problem);
        if (destination.Length < _m)
        {
            ThrowHelper.ThrowLength(nameof(destination), _m);
        }

        SyncHost();
        for (var i = 0; i < _m; i++)
        {
            destination[i] = _t[(i * _n) + problem];
        }
    }

    /// <summary>
    /// Samples chosen cells of every slab: <c>destination[p * cells.Length + j]</c> = temperature (K) of cell <c>cells[j]</c> of slab p.
    /// </summary>
    /// <param name="cells">Cell indices through the thickness.</param>
    /// <param name="destination">At least <see cref="ProblemCount"/> × <c>cells.Length</c> values.</param>
    public void Sample(ReadOnlySpan<int> cells, Span<double> destination)
    {
        if (destination.Length < ProblemCount * cells.Length)
        {
            ThrowHelper.ThrowLength(nameof(destination), ProblemCount * cells.Length);
        }

        foreach (var c in cells)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(c, _m);
        }

        SyncHost();
        var k = cells.Length;
        for (var j = 0; j < k; j++)
        {
            var row = _t.AsSpan(cells[j] * _n, ProblemCount);
            for (var p = 0; p < row.Length; p++)
            {
                destination[(p * k) + j] = row[p];
            }
        }
    }

    /// <summary>Thermal energy of one slab per unit face area, Σ ρc·T·Δx, in J/m².</summary>
    /// <param name="problem">Slab index.</param>
    /// <returns>The energy.</returns>
    public double ThermalEnergy(int problem)
    {
        CheckProblem(problem);
        SyncHost();
        var sum = 0.0;
        for (var i = 0; i < _m; i++)
        {
            sum += _t[(i * _n) + problem];
        }

        return sum * _capacity[problem] * _thickness[problem] / _m;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _dT?.Dispose();
        _dCp?.Dispose();
        _dDp?.Dispose();
        _dCoef?.Dispose();
        _dBc?.Dispose();
        _device?.Dispose();
    }

    private void SyncHost()
    {
        if (_hostStale)
        {
            _dT!.CopyToCPU(_t);
            _hostStale = false;
        }
    }

    private void CheckProblem(int problem)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(problem);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(problem, ProblemCount);
    }
}
