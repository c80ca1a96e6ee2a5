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
    /// Gets the latest shift forecast; computes one first when there is none or it is older than
    /// <see cref="Hosting.TwinOptions.ForecastInterval"/>. While the plant twin is active it refreshes the forecast on
    /// that interval by itself.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The forecast.</returns>
    [Alias("GetForecast")]
    Task<ShiftForecastView> GetForecastAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes a fresh snapshot and forecasts the rest of the shift from it now (on demand).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new forecast.</returns>
    [Alias("RefreshForecast")]
    Task<ShiftForecastView> RefreshForecastAsync(CancellationToken cancellationToken = default);
}
