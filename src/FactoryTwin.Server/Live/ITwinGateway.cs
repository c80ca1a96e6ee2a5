using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Server.Live;

/// <summary>What the API and the live push ask of the live twin. <see cref="IsAvailable"/> is false while no twin runs in this host.</summary>
internal interface ITwinGateway
{
    /// <summary>Gets whether the live twin runs in this host.</summary>
    bool IsAvailable { get; }

    Task<AssetTwinView> GetAssetAsync(string asset, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LineTwinView>> GetLinesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlarmView>> GetActiveAlarmsAsync(CancellationToken cancellationToken = default);

    Task<AlarmCommandResult> AcknowledgeAsync(string asset, string alarm, string user, string? comment, CancellationToken cancellationToken = default);

    Task<AlarmCommandResult> ShelveAsync(string asset, string alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest shift forecast, or runs it now.</summary>
    /// <param name="refresh">Whether to run it now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The forecast, or <see langword="null"/> when no forecast is available in this host.</returns>
    Task<ShiftForecastView?> GetForecastAsync(bool refresh, CancellationToken cancellationToken = default);
}
