namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// Lead times (from leaving the source to reaching a sink) of the parts that reached a sink in the
/// statistics window, in seconds. Percentiles use the nearest-rank rule; all values are 0 when
/// <paramref name="Count"/> is 0.
/// </summary>
/// <param name="Count">Number of parts.</param>
/// <param name="Mean">Mean lead time in seconds.</param>
/// <param name="P50">Median in seconds.</param>
/// <param name="P90">90th percentile in seconds.</param>
/// <param name="P99">99th percentile in seconds.</param>
public sealed record LeadTimeStatistics(long Count, double Mean, double P50, double P90, double P99);
