namespace FactoryTwin.Analytics.Orders;

/// <summary>
/// One open order's simulated completion: quantiles over the replications of the instant its last body left the plant.
/// A quantile that falls after the forecast's horizon is <see langword="null"/> ("after the horizon").
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Expected">The median completion, or <see langword="null"/> when it lies after the horizon.</param>
/// <param name="Low">The lower end of the interval (the (1 − coverage)/2 quantile), or <see langword="null"/> after the horizon.</param>
/// <param name="High">The upper end of the interval (the (1 + coverage)/2 quantile), or <see langword="null"/> after the horizon.</param>
/// <param name="OnTimeProbability">The share of replications in which it was complete by its due time.</param>
/// <param name="CompleteProbability">The share of replications in which it was complete by the horizon.</param>
public sealed record OrderCompletionOutlook(
    string OrderId,
    DateTimeOffset Due,
    DateTimeOffset? Expected,
    DateTimeOffset? Low,
    DateTimeOffset? High,
    double OnTimeProbability,
    double CompleteProbability);
