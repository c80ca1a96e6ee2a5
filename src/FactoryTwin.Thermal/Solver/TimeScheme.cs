namespace FactoryTwin.Thermal.Solver;

/// <summary>Time integration schemes (all are θ-schemes: explicit θ = 0, Crank–Nicolson θ = ½, backward Euler θ = 1).</summary>
public enum TimeScheme
{
    /// <summary>Forward Euler in time, central in space (FTCS): first order in time, conditionally stable (α·Δt/Δx² ≤ 1/(2d) on a uniform grid).</summary>
    Explicit = 0,

    /// <summary>Backward (implicit) Euler: first order in time, unconditionally stable, no oscillations.</summary>
    BackwardEuler = 1,

    /// <summary>Crank–Nicolson (trapezoidal rule): second order in time, unconditionally stable (A-stable, not L-stable).</summary>
    CrankNicolson = 2,
}
