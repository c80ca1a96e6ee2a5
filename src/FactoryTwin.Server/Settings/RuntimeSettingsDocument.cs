namespace FactoryTwin.Server.Settings;

/// <summary>The persisted run-time settings (<c>settings.json</c>); a field left <see langword="null"/> takes its start-up default.</summary>
/// <param name="LineTargets">Shift targets (good parts) by line id that override the plant file's, or <see langword="null"/>.</param>
/// <param name="ForecastIntervalSeconds">The forecast refresh interval in seconds, or <see langword="null"/>.</param>
/// <param name="ForecastReplications">The replications per forecast, or <see langword="null"/>.</param>
/// <param name="Updated">When they were last changed.</param>
/// <param name="UpdatedBy">Who changed them last.</param>
internal sealed record RuntimeSettingsDocument(
    IReadOnlyDictionary<string, int>? LineTargets,
    int? ForecastIntervalSeconds,
    int? ForecastReplications,
    DateTimeOffset? Updated,
    string? UpdatedBy);
