using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The outcome of reading a profile: the profile when the file is valid, and every problem found.</summary>
/// <param name="Profile">The profile; <see langword="null"/> when the file has errors.</param>
/// <param name="Diagnostics">The problems, each with file, line and column.</param>
public sealed record OvenProfileResult(OvenProfile? Profile, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the profile was read without errors.</summary>
    public bool Success => Profile is not null;
}
