namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>One step of a forecast fan: percentiles of the cumulative output over the replications.</summary>
/// <param name="At">The instant.</param>
/// <param name="P05">The 5th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
public readonly record struct FanPoint(DateTimeOffset At, double P05, double P50, double P95);
