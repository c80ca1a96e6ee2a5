namespace FactoryTwin.VirtualPlant.Continuity;

/// <summary>What <see cref="VirtualPlantStateFile.Load"/> found: a state, no file, or a file that cannot be used (and why).</summary>
/// <param name="State">The saved state, or <see langword="null"/> when there is none that can be used.</param>
/// <param name="Missing">Whether there is no state file.</param>
/// <param name="Problem">Why the file cannot be used (unreadable, not JSON, a field missing or out of range), or <see langword="null"/>.</param>
public sealed record VirtualPlantStateLoadResult(VirtualPlantState? State, bool Missing, string? Problem)
{
    /// <summary>Gets the result for a missing file.</summary>
    public static VirtualPlantStateLoadResult NoFile { get; } = new(null, true, null);

    /// <summary>Creates the result for a file that cannot be used.</summary>
    /// <param name="problem">Why.</param>
    /// <returns>The result.</returns>
    public static VirtualPlantStateLoadResult Unusable(string problem) => new(null, false, problem);
}
