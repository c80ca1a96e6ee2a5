namespace FactoryTwin.Analytics.Forecasting;

/// <summary>One point of a forecast fan chart: cumulative output of the shift at an instant.</summary>
/// <param name="Time">The instant.</param>
/// <param name="Lower">The lower quantile (5th percentile at 90 % coverage).</param>
/// <param name="Median">The median.</param>
/// <param name="Upper">The upper quantile (95th percentile at 90 % coverage).</param>
public sealed record ForecastFanPoint(DateTimeOffset Time, double Lower, double Median, double Upper);
