using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Cli.Commands;

/// <summary>A diagnostic as JSON.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Severity">error or warning.</param>
/// <param name="Code">The kind of problem, kebab case.</param>
/// <param name="Message">What is wrong and what would be right.</param>
internal sealed record DiagnosticDto(string File, int Line, int Column, string Severity, string Code, string Message)
{
    public static DiagnosticDto From(Diagnostic d) => new(
        d.Location.File, d.Location.Line, d.Location.Column, d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.CodeName, d.Message);
}
