using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Forecasting;

/// <summary>How a shift forecast is computed: replications, seed, horizon, targets and the fan chart.</summary>
public sealed record ShiftForecastOptions
{
    /// <summary>The default number of replications.</summary>
    public const int DefaultReplications = 1000;

    /// <summary>The default coverage of the prediction interval.</summary>
    public const double DefaultCoverage = 0.90;

    /// <summary>Gets the number of Monte Carlo replications of the rest of the shift, at least 1.</summary>
    /// <value>The default value is 1000.</value>
    public int Replications { get; init; } = DefaultReplications;

    /// <summary>Gets the seed; with the replication number it fixes every random stream, so a forecast is bit-identical for a seed whatever the number of threads.</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Gets the instant the forecast runs to, or <see langword="null"/> for the end of the shift around the snapshot
    /// (from the site's shift calendar) unless <see cref="Horizon"/> is set.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the time from the snapshot the forecast runs, or <see langword="null"/> for the shift end; ignored when <see cref="Until"/> is set.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? Horizon { get; init; }

    /// <summary>Gets the coverage of the prediction interval, in (0, 1): the interval runs from the (1 − c)/2 to the (1 + c)/2 empirical quantile of the replications.</summary>
    /// <value>The default value is 0.90 (5th to 95th percentile).</value>
    public double Coverage { get; init; } = DefaultCoverage;

    /// <summary>Gets the plant's shift target (good parts leaving the plant), overriding the sum of the end lines' targets in the plant file.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? PlantTarget { get; init; }

    /// <summary>Gets shift targets per line, overriding the plant file's.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<LineId, int> LineTargets { get; init; } = new Dictionary<LineId, int>();

    /// <summary>The most points a fan chart has after its start; a longer horizon widens <see cref="FanInterval"/>.</summary>
    public const int MaxFanSteps = 500;

    /// <summary>Gets the spacing of the fan chart's points (cumulative output percentiles over time), widened when the horizon would need more than <see cref="MaxFanSteps"/> points.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan FanInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets the number of threads; -1 for all cores.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the clock that times the forecast (<see cref="ShiftForecast.Elapsed"/>).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
