using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>The outcome of reading a CSPLib car-sequencing file.</summary>
/// <param name="Instance">The instance, or <see langword="null"/> when there are errors.</param>
/// <param name="Diagnostics">What is wrong, each with the line and column.</param>
public sealed record CarSequencingReadResult(CarSequencingInstance? Instance, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets whether the file was read without errors.</summary>
    public bool Success => Instance is not null;
}
