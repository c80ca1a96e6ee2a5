namespace FactoryTwin.Server.Api;

/// <summary>The run-time settings as the API shows them.</summary>
/// <param name="LineTargets">The shift target (good parts) of every line that has one: the setting, else the plant file's.</param>
/// <param name="ForecastIntervalSeconds">How often the shift forecast is refreshed, in seconds.</param>
/// <param name="ForecastReplications">Monte Carlo replications per forecast.</param>
/// <param name="Updated">When they were last changed, or <see langword="null"/> when never.</param>
/// <param name="UpdatedBy">Who changed them last.</param>
internal sealed record SettingsDto(
    IReadOnlyDictionary<string, int> LineTargets, int ForecastIntervalSeconds, int ForecastReplications, DateTimeOffset? Updated, string? UpdatedBy);
