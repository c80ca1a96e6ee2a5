namespace FactoryTwin.Cli.Commands;

/// <summary>One point's fitted exposure factor, as JSON.</summary>
/// <param name="Point">The measurement point.</param>
/// <param name="Probes">The probes mapped to it.</param>
/// <param name="Initial">The plant's value.</param>
/// <param name="Value">The fitted value.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Reference">Whether it was held to fix the scale of h·e.</param>
/// <param name="ResidualRmsK">The RMS residual at this point, in kelvin.</param>
internal sealed record OvenPointFitRow(string Point, IReadOnlyList<string> Probes, double Initial, double Value, double StandardError, bool Reference, double ResidualRmsK);
