namespace FactoryTwin.Thermal.Solver;

/// <summary>
/// A transient heat-conduction solver bound to one <see cref="Problem.HeatProblem"/>, scheme and backend.
/// Create it with <see cref="HeatSolver.Create"/>. Steps allocate nothing on the single-threaded path.
/// Not thread-safe.
/// </summary>
public interface IHeatSolver : IDisposable
{
    /// <summary>The grid solved on.</summary>
    Problem.Grid Grid { get; }

    /// <summary>The time scheme.</summary>
    TimeScheme Scheme { get; }

    /// <summary>The backend the solver runs on.</summary>
    HeatBackend Backend { get; }

    /// <summary>The precision of the temperature field.</summary>
    HeatPrecision Precision { get; }

    /// <summary>Simulated time since the start, in seconds.</summary>
    double Time { get; }

    /// <summary>Statistics of the last step.</summary>
    StepStatistics LastStep { get; }

    /// <summary>
    /// The largest stable explicit step at the current state, in seconds
    /// (explicit FTCS: dt ≤ 1/maxᵢ[(Σ face conductances + boundary conductance)/(ρc)]ᵢ, which is Δx²/(2dα) for an interior cell of a uniform grid);
    /// <see cref="double.PositiveInfinity"/> for implicit schemes.
    /// </summary>
    double StableTimeStep { get; }

    /// <summary>Advances by one step of <paramref name="dt"/> seconds.</summary>
    /// <param name="dt">The step, in seconds.</param>
    /// <exception cref="UnstableTimeStepException">Explicit scheme and <paramref name="dt"/> exceeds <see cref="StableTimeStep"/>.</exception>
    /// <exception cref="InvalidOperationException">The implicit solve did not reach the tolerance within the iteration limit.</exception>
    void TakeStep(double dt);

    /// <summary>
    /// Advances by <paramref name="duration"/> seconds in equal steps no longer than <paramref name="maxStep"/>;
    /// explicit schemes also keep each step within <see cref="HeatSolverOptions.StabilitySafetyFactor"/> × <see cref="StableTimeStep"/>.
    /// </summary>
    /// <param name="duration">Time to advance, in seconds.</param>
    /// <param name="maxStep">Largest step, in seconds; infinity lets an explicit solver choose.</param>
    /// <param name="cancellationToken">Checked once per step.</param>
    /// <returns>The number of steps taken.</returns>
    int Advance(double duration, double maxStep = double.PositiveInfinity, CancellationToken cancellationToken = default);

    /// <summary>Copies the temperature field (kelvin, flat index <see cref="Problem.Grid.Index"/>) into <paramref name="destination"/>.</summary>
    /// <param name="destination">A span of <see cref="Problem.Grid.CellCount"/> values.</param>
    void CopyTemperature(Span<double> destination);

    /// <summary>The temperature of one cell, in kelvin.</summary>
    /// <param name="cell">Flat cell index.</param>
    /// <returns>The temperature.</returns>
    double GetTemperature(int cell);

    /// <summary>Thermal energy Σ ρc·T·V relative to 0 K, in joules (per metre of depth in 2-D, per m² in 1-D).</summary>
    /// <returns>The energy.</returns>
    double ThermalEnergy();
}
