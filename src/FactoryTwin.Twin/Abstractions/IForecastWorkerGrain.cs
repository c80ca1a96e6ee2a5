namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// Runs shift forecasts: a stateless worker on the caller's silo that spreads the Monte Carlo replications of one
/// forecast in chunks over the silos of the cluster (<see cref="IReplicationWorkerGrain"/>) and merges them in
/// replication order, so the forecast does not depend on the number of silos.
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
