namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON document of <c>thermal --output json</c>.</summary>
/// <param name="File">The case file.</param>
/// <param name="Valid">Whether the case is valid.</param>
/// <param name="Diagnostics">Every problem found in the case file.</param>
/// <param name="Case">What was run, when valid.</param>
/// <param name="Probes">Per-probe results, when the run finished.</param>
/// <param name="Csv">The CSV written, if any.</param>
/// <param name="Plots">The PNG files written, if any.</param>
internal sealed record ThermalReport(
    string File,
    bool Valid,
    IReadOnlyList<DiagnosticDto> Diagnostics,
    ThermalRunSummary? Case,
    IReadOnlyList<ThermalProbeSummary>? Probes,
    string? Csv,
    IReadOnlyList<string>? Plots);
