using FactoryTwin.Thermal.Explicit;
using FactoryTwin.Thermal.Gpu;
using FactoryTwin.Thermal.Implicit;
using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Thermal.Solver;

/// <summary>Creates heat solvers: the entry point of the engine.</summary>
public static class HeatSolver
{
    /// <summary>
    /// Creates a solver for <paramref name="problem"/>. The problem is copied; later changes to it do not affect the solver.
    /// </summary>
    /// <param name="problem">The case to solve.</param>
    /// <param name="options">Scheme, backend, precision and solver settings; null for the defaults (backward Euler, CPU, float64).</param>
    /// <returns>The solver; dispose it to release GPU resources.</returns>
    /// <exception cref="NotSupportedException">
    /// The combination is not available: float32 needs the explicit scheme on a CPU backend; the ILGPU backends run the explicit scheme only
    /// (use <see cref="Batch.SlabBatchSolver"/> for batched implicit 1-D problems on the GPU); <see cref="HeatBackend.Cuda"/> needs a CUDA device.
    /// </exception>
    public static IHeatSolver Create(HeatProblem problem, HeatSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new HeatSolverOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StabilitySafetyFactor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.StabilitySafetyFactor, 1.0);
        var op = new HeatOperator(problem);
        var gpu = options.Backend is HeatBackend.IlgpuCpu or HeatBackend.Cuda;
        if (options.Precision == HeatPrecision.Binary32 && (gpu || options.Scheme != TimeScheme.Explicit))
        {
            ThrowHelper.ThrowNotSupported("Binary32 is available for the explicit scheme on the CPU backends only.");
        }

        if (gpu)
        {
            if (options.Scheme != TimeScheme.Explicit)
            {
                ThrowHelper.ThrowNotSupported("The ILGPU backends run the explicit scheme; use SlabBatchSolver for batched implicit 1-D problems.");
            }

            return new IlgpuExplicitSolver(op, options, IlgpuDevice.Create(options.Backend));
        }

        if (options.Scheme == TimeScheme.Explicit)
        {
            return options.Precision == HeatPrecision.Binary32
                ? new ExplicitCpuSolver<float>(op, options)
                : new ExplicitCpuSolver<double>(op, options);
        }

        return new ImplicitCpuSolver(op, options);
    }

    /// <summary>True when <paramref name="backend"/> can be created on this machine (CUDA needs a device; the others always work).</summary>
    /// <param name="backend">The backend.</param>
    /// <returns>Whether it is available.</returns>
    public static bool IsBackendAvailable(HeatBackend backend) => backend != HeatBackend.Cuda || IlgpuDevice.IsCudaAvailable();
}
