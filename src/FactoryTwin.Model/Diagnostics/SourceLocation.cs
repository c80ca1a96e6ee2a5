using System.Globalization;

namespace FactoryTwin.Model.Diagnostics;

/// <summary>A position in a source file.</summary>
/// <param name="File">The file path as given to the loader.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats the location as <c>file:line:column</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
