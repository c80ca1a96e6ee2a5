using FactoryTwin.VirtualPlant.Continuity;

namespace FactoryTwin.Server.Hosting;

/// <summary>Where the plant clock of a server with the virtual plant starts, and why; logged once at start-up.</summary>
/// <param name="Origin">The plant time the clock reads at start-up (UTC).</param>
/// <param name="Kind">Why.</param>
/// <param name="Configured">The configured start: now, or the last <c>VirtualPlant:StartDay</c>/<c>StartTime</c>.</param>
/// <param name="StateFile">The virtual plant's state file (full path).</param>
/// <param name="Saved">The saved state, or <see langword="null"/>.</param>
/// <param name="Problem">Why the state file cannot be used, or <see langword="null"/>.</param>
internal sealed record PlantClockStart(
    DateTimeOffset Origin,
    PlantClockStartKind Kind,
    DateTimeOffset Configured,
    string StateFile,
    VirtualPlantState? Saved,
    string? Problem)
{
    /// <summary>
    /// Decides where the clock starts: the later of the configured start and the saved state's
    /// <see cref="VirtualPlantState.ResumeTime"/> (where the virtual plant stopped, plus the margin a save that was not a
    /// clean stop may lag), so a restart never emulates plant time it already emulated; the configured start when there
    /// is no usable state or <paramref name="resume"/> is off.
    /// </summary>
    /// <param name="configured">The configured start.</param>
    /// <param name="stateFile">The state file.</param>
    /// <param name="resume">Whether <c>VirtualPlant:Resume</c> is on.</param>
    /// <param name="loaded">What the state file holds (not read when <paramref name="resume"/> is off).</param>
    /// <returns>The decision.</returns>
    public static PlantClockStart Decide(DateTimeOffset configured, string stateFile, bool resume, VirtualPlantStateLoadResult? loaded)
    {
        if (!resume || loaded is null)
        {
            return new(configured, PlantClockStartKind.ResumeOff, configured, stateFile, null, null);
        }

        if (loaded.Problem is { } problem)
        {
            return new(configured, PlantClockStartKind.StateUnusable, configured, stateFile, null, problem);
        }

        if (loaded.State is not { } saved)
        {
            return new(configured, PlantClockStartKind.Configured, configured, stateFile, null, null);
        }

        return saved.ResumeTime > configured
            ? new(saved.ResumeTime, PlantClockStartKind.Resumed, configured, stateFile, saved, null)
            : new(configured, PlantClockStartKind.ConfiguredAfterSaved, configured, stateFile, saved, null);
    }
}
