using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>The outcome of reading a body list.</summary>
/// <param name="Bodies">The bodies in file order, or <see langword="null"/> when there are errors.</param>
/// <param name="Diagnostics">What is wrong, each with the line and column.</param>
public sealed record BodyListReadResult(IReadOnlyList<SequencingBody>? Bodies, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets whether the list was read without errors.</summary>
    public bool Success => Bodies is not null;
}
