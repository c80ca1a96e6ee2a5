using System.Collections.Immutable;

namespace FactoryTwin.Analytics.Orders;

/// <summary>The simulated completion of every open order of a schedule, from one plant snapshot.</summary>
/// <param name="Instant">The snapshot instant the replications started from.</param>
/// <param name="Horizon">The instant the replications ended at the latest.</param>
/// <param name="Replications">The number of replications.</param>
/// <param name="Seed">The experiment seed (replication i uses the streams of (seed, i)).</param>
/// <param name="Coverage">The probability of each interval, e.g. 0.9.</param>
/// <param name="Orders">Each open order's outlook, in schedule sequence.</param>
public sealed record OrderForecast(
    DateTimeOffset Instant,
    DateTimeOffset Horizon,
    int Replications,
    ulong Seed,
    double Coverage,
    ImmutableArray<OrderCompletionOutlook> Orders);
