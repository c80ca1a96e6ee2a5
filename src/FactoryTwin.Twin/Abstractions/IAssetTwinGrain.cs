using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// The live twin of one asset (station, oven, buffer, conveyor, source or sink, with the sensors mounted on it),
/// keyed by the asset id. Holds its state, KPIs and alarms; an oven also predicts the cure of every body inside.
/// </summary>
[Alias("FactoryTwin.Twin.IAssetTwinGrain")]
public interface IAssetTwinGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the asset's share of a committed telemetry batch. A value older than the newest already applied to its
    /// channel (late data) does not change the live state; it is in the historian only.
    /// </summary>
    /// <param name="telemetry">The points and part events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is updated.</returns>
    [Alias("Apply")]
    Task ApplyAsync(AssetTelemetry telemetry, CancellationToken cancellationToken = default);

    /// <summary>Gets the live state, KPIs up to now and alarms that are not normal.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("GetView")]
    Task<AssetTwinView> GetViewAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a body's predicted temperature curves from the oven twin's own prediction (the measured zone history the
    /// under-cure alarm uses), or <see langword="null"/> when the asset is no oven or the body is not inside.
    /// </summary>
    /// <param name="body">The body id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The curves, or <see langword="null"/>.</returns>
    [Alias("GetBodyCurves")]
    Task<TwinBodyCurves?> GetBodyCurvesAsync(string body, CancellationToken cancellationToken = default);

    /// <summary>Gets the KPIs of the current shift up to now.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The KPIs.</returns>
    [Alias("GetKpi")]
    Task<StationKpi> GetKpiAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets every alarm of the asset, normal ones included.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alarms, ordered by id.</returns>
    [Alias("GetAlarms")]
    Task<ImmutableArray<AlarmView>> GetAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Acknowledges an alarm that is active-unacknowledged or cleared-unacknowledged.</summary>
    /// <param name="alarm">The alarm id.</param>
    /// <param name="user">Who acknowledges; must not be empty.</param>
    /// <param name="comment">An optional comment (at most 1000 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome; refused (with the reason) for an unknown alarm, an empty user, or a state with nothing to acknowledge.</returns>
    [Alias("Acknowledge")]
    Task<AlarmCommandResult> AcknowledgeAlarmAsync(string alarm, string user, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Shelves an alarm for a time; it returns by itself when the time expires.</summary>
    /// <param name="alarm">The alarm id.</param>
    /// <param name="user">Who shelves; must not be empty.</param>
    /// <param name="duration">How long; positive and at most <see cref="Hosting.TwinOptions.MaxShelveDuration"/>.</param>
    /// <param name="comment">An optional comment (at most 1000 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    [Alias("Shelve")]
    Task<AlarmCommandResult> ShelveAlarmAsync(string alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Returns a shelved alarm to service before its shelving expires.</summary>
    /// <param name="alarm">The alarm id.</param>
    /// <param name="user">Who unshelves; must not be empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    [Alias("Unshelve")]
    Task<AlarmCommandResult> UnshelveAlarmAsync(string alarm, string user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Evaluates the time-driven rules now (stale data, state duration, shelving expiry) and, for an oven, the cure of
    /// the bodies inside. The twin also does this on its own timer while active.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when done.</returns>
    [Alias("Evaluate")]
    Task EvaluateAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the silo that hosts this activation (diagnostics and cluster tests).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The silo address.</returns>
    [Alias("GetHost")]
    Task<string> GetHostAsync(CancellationToken cancellationToken = default);
}
