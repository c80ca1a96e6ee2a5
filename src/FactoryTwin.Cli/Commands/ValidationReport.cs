namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON document of <c>validate --output json</c>.</summary>
/// <param name="File">The file checked.</param>
/// <param name="Valid">Whether it is valid.</param>
/// <param name="Errors">The number of errors.</param>
/// <param name="Warnings">The number of warnings.</param>
/// <param name="Diagnostics">Every problem.</param>
/// <param name="Summary">The plant summary when valid.</param>
internal sealed record ValidationReport(string File, bool Valid, int Errors, int Warnings, IReadOnlyList<DiagnosticDto> Diagnostics, PlantSummary? Summary);
