namespace FactoryTwin.Model.Diagnostics;

/// <summary>Collects diagnostics while a file is read, so that all problems are reported at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Gets the diagnostics collected so far, in the order they were found.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Gets a value indicating whether any error was reported.</summary>
    public bool HasErrors => _items.Exists(static d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Reports an error.</summary>
    /// <param name="location">Where the problem is.</param>
    /// <param name="code">The kind of problem.</param>
    /// <param name="message">What is wrong and what would be right.</param>
    public void Error(SourceLocation location, DiagnosticCode code, string message) =>
        _items.Add(new Diagnostic(location, DiagnosticSeverity.Error, code, message));

    /// <summary>Reports a warning.</summary>
    /// <param name="location">Where the problem is.</param>
    /// <param name="code">The kind of problem.</param>
    /// <param name="message">What is suspicious.</param>
    public void Warning(SourceLocation location, DiagnosticCode code, string message) =>
        _items.Add(new Diagnostic(location, DiagnosticSeverity.Warning, code, message));

    /// <summary>Returns the diagnostics sorted by line and column.</summary>
    /// <returns>The sorted diagnostics.</returns>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        var copy = new List<Diagnostic>(_items);
        copy.Sort(static (a, b) =>
        {
            var c = a.Location.Line.CompareTo(b.Location.Line);
            return c != 0 ? c : a.Location.Column.CompareTo(b.Location.Column);
        });
        return copy;
    }
}
