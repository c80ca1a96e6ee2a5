namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// Runs shift forecasts: a stateless worker, so every silo may host one and a cluster shares the forecasting load
/// (the Monte Carlo replications of one forecast run in parallel on the cores of the silo that takes it).
/// </summary>
[Alias("FactoryTwin.Twin.IForecastWorkerGrain")]
public interface IForecastWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Forecasts the rest of the shift from a snapshot.</summary>
    /// <param name="snapshot">The live plant.</param>
    /// <param name="replications">The number of replications, at least 1.</param>
    /// <param name="seed">The seed (the same seed and snapshot give the same forecast).</param>
    /// <param name="cancellationToken">Cancels the forecast.</param>
    /// <returns>The forecast.</returns>
    [Alias("Forecast")]
    [ResponseTimeout("00:10:00")]
    Task<ShiftForecastView> ForecastAsync(TwinSnapshot snapshot, int replications, ulong seed, CancellationToken cancellationToken = default);
}
