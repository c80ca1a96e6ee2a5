using FactoryTwin.Analytics.Forecasting;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Where the dashboard reads the latest shift forecast of the live plant.</summary>
public interface IDashboardForecastSource
{
    /// <summary>Gets the latest forecast.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The forecast, or <see langword="null"/> when none has been made yet.</returns>
    Task<ShiftForecast?> GetLatestAsync(CancellationToken cancellationToken = default);
}
