namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON of an oven verb whose input was refused.</summary>
/// <param name="File">The file that holds the first problem (plant, profile or map).</param>
/// <param name="Valid">Always false.</param>
/// <param name="Diagnostics">The problems.</param>
internal sealed record OvenInvalidReport(string File, bool Valid, IReadOnlyList<DiagnosticDto> Diagnostics);
