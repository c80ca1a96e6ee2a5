namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON of <c>oven calibrate</c>.</summary>
/// <param name="Plant">The plant file.</param>
/// <param name="Oven">The oven.</param>
/// <param name="Style">The body style the profiler rode on.</param>
/// <param name="Profile">The profile file.</param>
/// <param name="Samples">The (time, probe) values fitted.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations.</param>
/// <param name="Converged">Whether the fit converged.</param>
/// <param name="ResidualRmsK">The RMS residual after the fit, in kelvin.</param>
/// <param name="InitialResidualRmsK">The RMS residual with the plant's values, in kelvin.</param>
/// <param name="Zones">The fitted zones.</param>
/// <param name="Points">The fitted points.</param>
internal sealed record OvenCalibrateReport(
    string Plant, string Oven, string Style, string Profile, int Samples, int Iterations, bool Converged, double ResidualRmsK, double InitialResidualRmsK, IReadOnlyList<OvenZoneFitRow> Zones, IReadOnlyList<OvenPointFitRow> Points);
