namespace FactoryTwin.Thermal.Solver;

/// <summary>Preconditioner of the conjugate-gradient solve used by implicit schemes on 2-D and 3-D grids.</summary>
public enum PreconditionerKind
{
    /// <summary>One geometric multigrid V-cycle (cell-centred, weighted-Jacobi smoothing): iteration count nearly independent of grid size.</summary>
    Multigrid = 0,

    /// <summary>Diagonal (Jacobi) scaling: cheap per iteration, iterations grow with √(α·Δt/Δx²).</summary>
    Jacobi = 1,
}
