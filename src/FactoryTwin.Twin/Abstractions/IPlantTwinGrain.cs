using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>The live twin of the plant, keyed by the site id: line overview, alarm list, snapshot and shift forecast.</summary>
[Alias("FactoryTwin.Twin.IPlantTwinGrain")]
public interface IPlantTwinGrain : IGrainWithStringKey
{
    /// <summary>Gets every line's view.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lines in model order.</returns>
    [Alias("GetLines")]
    Task<ImmutableArray<LineTwinView>> GetLinesAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets every alarm of the plant that is not normal, highest priority first, then newest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alarms.</returns>
    [Alias("GetActiveAlarms")]
    Task<ImmutableArray<AlarmView>> GetActiveAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes a consistent snapshot of the live plant: every asset's state and bodies, every line's output so far.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot.</returns>
    [Alias("GetSnapshot")]
    Task<TwinSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the latest shift forecast at once, never waiting for one being made: <see langword="null"/> until the first
    /// is done. While the plant twin is active it refreshes the forecast every <see cref="Hosting.TwinOptions.ForecastInterval"/>
    /// of wall time by itself; a forecast older than that starts a refresh in the background.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The forecast, or <see langword="null"/> while the first one is being made.</returns>
    [Alias("GetForecast")]
    Task<ShiftForecastView?> GetForecastAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a fresh snapshot and forecasts the rest of the shift from it now (on demand); joins the refresh already
    /// running, if one is. May take longer than an ordinary call (many replications on a busy machine).
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new forecast.</returns>
    [Alias("RefreshForecast")]
    [ResponseTimeout("00:10:00")]
    Task<ShiftForecastView> RefreshForecastAsync(CancellationToken cancellationToken = default);
}
