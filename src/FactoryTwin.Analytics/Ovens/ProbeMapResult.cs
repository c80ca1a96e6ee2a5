using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The outcome of reading a probe map.</summary>
/// <param name="Mappings">The pairs; <see langword="null"/> when the text has errors.</param>
/// <param name="Diagnostics">The problems, each with source, line and column.</param>
public sealed record ProbeMapResult(IReadOnlyList<ProbeMapping>? Mappings, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the map was read without errors.</summary>
    public bool Success => Mappings is not null;
}
