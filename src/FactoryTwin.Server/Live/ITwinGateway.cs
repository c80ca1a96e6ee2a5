using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Server.Live;

/// <summary>What the API and the live push ask of the live twin.</summary>
internal interface ITwinGateway
{
    Task<AssetTwinView> GetAssetAsync(string asset, CancellationToken cancellationToken = default);

    /// <summary>Gets a body's predicted temperature curves from the oven twin, or <see langword="null"/> when it is not inside.</summary>
    /// <param name="oven">The oven id.</param>
    /// <param name="body">The body id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The curves, or <see langword="null"/>.</returns>
    Task<TwinBodyCurves?> GetBodyCurvesAsync(string oven, string body, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LineTwinView>> GetLinesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlarmView>> GetActiveAlarmsAsync(CancellationToken cancellationToken = default);

    Task<AlarmCommandResult> AcknowledgeAsync(string asset, string alarm, string user, string? comment, CancellationToken cancellationToken = default);

    Task<AlarmCommandResult> ShelveAsync(string asset, string alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Takes a snapshot of the whole plant now: every asset's state and bodies and every line's counts.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot.</returns>
    Task<TwinSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the latest shift forecast, or runs it now.</summary>
    /// <param name="refresh">Whether to run it now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The forecast, or <see langword="null"/> when no forecast is available in this host.</returns>
    Task<ShiftForecastView?> GetForecastAsync(bool refresh, CancellationToken cancellationToken = default);
}
