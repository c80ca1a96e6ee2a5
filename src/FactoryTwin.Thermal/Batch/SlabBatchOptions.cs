using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Batch;

/// <summary>Options of <see cref="SlabBatchSolver.Create"/>.</summary>
public sealed record SlabBatchOptions
{
    /// <summary>Number of independent slabs (e.g. car bodies × measurement points).</summary>
    public required int ProblemCount { get; init; }

    /// <summary>Cells through each slab's thickness. <value>The default value is 20.</value></summary>
    public int CellsPerProblem { get; init; } = 20;

    /// <summary><see cref="TimeScheme.BackwardEuler"/> or <see cref="TimeScheme.CrankNicolson"/>. <value>The default value is backward Euler.</value></summary>
    public TimeScheme Scheme { get; init; } = TimeScheme.BackwardEuler;

    /// <summary>The backend. <value>The default value is <see cref="HeatBackend.Cpu"/>.</value></summary>
    public HeatBackend Backend { get; init; } = HeatBackend.Cpu;

    /// <summary>Total cells above which the CPU backend runs problem blocks in parallel. <value>The default value is 16384.</value></summary>
    public int ParallelThreshold { get; init; } = HeatSolverOptions.DefaultParallelThreshold;
}
