namespace FactoryTwin.Analytics.Orders;

/// <summary>How <see cref="OrderCompletionForecaster"/> forecasts: replications, seed, horizon, interval.</summary>
public sealed record OrderForecastOptions
{
    /// <summary>The default number of replications.</summary>
    public const int DefaultReplications = 50;

    /// <summary>The default horizon in days.</summary>
    public const double DefaultHorizonDays = 3;

    /// <summary>Gets the number of replications, at least 1.</summary>
    /// <value>The default value is <see cref="DefaultReplications"/>.</value>
    public int Replications { get; init; } = DefaultReplications;

    /// <summary>Gets the experiment seed; the same seed gives the same forecast from the same snapshot (common random numbers).</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets how far after the snapshot a replication runs at most; an order not complete by then is "after the horizon".</summary>
    /// <value>The default value is <see cref="DefaultHorizonDays"/> days.</value>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(DefaultHorizonDays);

    /// <summary>Gets the probability of each interval, in (0, 1).</summary>
    /// <value>The default value is 0.9 (the 5 % and 95 % quantiles).</value>
    public double Coverage { get; init; } = 0.9;

    /// <summary>Gets the number of threads; -1 for all cores.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
