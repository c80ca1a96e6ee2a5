using System.Collections.Immutable;

namespace FactoryTwin.Analytics.Forecasting;

/// <summary>
/// The forecast end-of-shift output of a line or the plant: output so far plus the simulated rest. The interval is a
/// prediction interval (empirical quantiles of the replications), meant to cover the actual output of one future, not a
/// confidence interval of the mean.
/// </summary>
/// <param name="SoFar">Good parts made in the shift up to the snapshot.</param>
/// <param name="Expected">The point forecast: <paramref name="SoFar"/> + the mean simulated rest.</param>
/// <param name="Median">The median end-of-shift output.</param>
/// <param name="Lower">The lower end of the prediction interval (5th percentile at 90 % coverage).</param>
/// <param name="Upper">The upper end of the prediction interval (95th percentile at 90 % coverage).</param>
/// <param name="Target">The shift target, when known.</param>
/// <param name="ProbabilityOfTarget">The fraction of replications that reach <paramref name="Target"/>, when a target is known.</param>
/// <param name="Fan">Cumulative output over time (the snapshot first, then every fan interval to the end) with median and interval.</param>
public sealed record OutputForecast(
    long SoFar,
    double Expected,
    double Median,
    double Lower,
    double Upper,
    int? Target,
    double? ProbabilityOfTarget,
    ImmutableArray<ForecastFanPoint> Fan);
