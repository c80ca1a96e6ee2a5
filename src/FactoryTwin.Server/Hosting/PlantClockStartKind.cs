namespace FactoryTwin.Server.Hosting;

/// <summary>Why the plant clock starts where it does (see <see cref="PlantClockStart"/>).</summary>
internal enum PlantClockStartKind
{
    /// <summary>No saved state: the configured start (now, or the last <c>StartDay</c>/<c>StartTime</c>).</summary>
    Configured,

    /// <summary>The saved state: where the virtual plant stopped, later than the configured start.</summary>
    Resumed,

    /// <summary>The configured start, because it is later than where the virtual plant stopped.</summary>
    ConfiguredAfterSaved,

    /// <summary>The configured start, because the state file cannot be used.</summary>
    StateUnusable,

    /// <summary>The configured start, because <c>VirtualPlant:Resume</c> is false.</summary>
    ResumeOff,
}
