using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>Runs a <see cref="ThermalCase"/> on the heat-conduction engine and records its probes.</summary>
public static class ThermalCaseRunner
{
    /// <summary>
    /// Runs <paramref name="thermalCase"/> from 0 to its end time. Between output times the solver advances in equal steps no longer
    /// than the case's time step (the explicit scheme also keeps each step within 0.9 of its stability bound, and chooses it when the case gives none).
    /// </summary>
    /// <param name="thermalCase">The case.</param>
    /// <param name="progress">Receives progress after every output interval; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked once per time step.</param>
    /// <returns>The probe series and the final field.</returns>
    /// <exception cref="NotSupportedException">The case's backend is not available on this machine (CUDA without a device).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static ThermalRunResult Run(ThermalCase thermalCase, IProgress<ThermalRunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thermalCase);
        if (!HeatSolver.IsBackendAvailable(thermalCase.Backend))
        {
            throw new NotSupportedException($"The {thermalCase.Backend} backend is not available on this machine (no CUDA device); use 'backend: cpu'.");
        }

        using var solver = HeatSolver.Create(thermalCase.CreateProblem(), thermalCase.SolverOptions);
        var times = thermalCase.OutputTimes();
        var samplers = thermalCase.Probes.Select(p => new ProbeSampler(thermalCase.Grid, thermalCase.Dimensions, p.At)).ToArray();
        var series = new double[samplers.Length][];
        for (var p = 0; p < samplers.Length; p++)
        {
            series[p] = new double[times.Count];
            series[p][0] = samplers[p].Sample(solver);
        }

        var maxStep = thermalCase.TimeStep ?? double.PositiveInfinity;
        long steps = 0;
        progress?.Report(new ThermalRunProgress(0.0, thermalCase.EndTime, 0));
        for (var t = 1; t < times.Count; t++)
        {
            steps += solver.Advance(times[t] - solver.Time, maxStep, cancellationToken);
            for (var p = 0; p < samplers.Length; p++)
            {
                series[p][t] = samplers[p].Sample(solver);
            }

            progress?.Report(new ThermalRunProgress(solver.Time, thermalCase.EndTime, steps));
        }

        var field = new double[thermalCase.Grid.CellCount];
        solver.CopyTemperature(field);
        return new ThermalRunResult(
            thermalCase,
            times,
            [.. thermalCase.Probes.Select((probe, p) => new ThermalProbeSeries(probe, series[p]))],
            field,
            steps);
    }
}
