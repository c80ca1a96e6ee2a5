namespace FactoryTwin.Thermal.Solver;

/// <summary>Options of <see cref="HeatSolver.Create"/>.</summary>
public sealed record HeatSolverOptions
{
    /// <summary>The default relative residual of the implicit solve.</summary>
    public const double DefaultTolerance = 1e-8;

    /// <summary>The default iteration limit of the implicit solve.</summary>
    public const int DefaultMaxIterations = 500;

    /// <summary>The default cell count above which the CPU backend runs rows/planes in parallel (measured: below about 16k cells the fork/join cost exceeds the gain).</summary>
    public const int DefaultParallelThreshold = 1 << 14;

    /// <summary>The time scheme. <value>The default value is <see cref="TimeScheme.BackwardEuler"/>.</value></summary>
    public TimeScheme Scheme { get; init; } = TimeScheme.BackwardEuler;

    /// <summary>The backend. <value>The default value is <see cref="HeatBackend.Cpu"/>.</value></summary>
    public HeatBackend Backend { get; init; } = HeatBackend.Cpu;

    /// <summary>The precision. <value>The default value is <see cref="HeatPrecision.Binary64"/>; <see cref="HeatPrecision.Binary32"/> needs the explicit scheme on a CPU backend.</value></summary>
    public HeatPrecision Precision { get; init; } = HeatPrecision.Binary64;

    /// <summary>The preconditioner of the 2-D/3-D implicit solve. <value>The default value is <see cref="PreconditionerKind.Multigrid"/>.</value></summary>
    public PreconditionerKind Preconditioner { get; init; } = PreconditionerKind.Multigrid;

    /// <summary>Relative residual ‖b − Ax‖₂/‖b‖₂ at which the implicit solve stops. <value>The default value is 1e-8.</value></summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Iteration limit of the implicit solve; reaching it throws. <value>The default value is 500.</value></summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>Cells above which the CPU backend parallelizes. <value>The default value is 16384.</value></summary>
    public int ParallelThreshold { get; init; } = DefaultParallelThreshold;

    /// <summary>Fraction of the stable explicit step used by <see cref="IHeatSolver.Advance"/> when it chooses the step. <value>The default value is 0.9.</value></summary>
    public double StabilitySafetyFactor { get; init; } = 0.9;
}
