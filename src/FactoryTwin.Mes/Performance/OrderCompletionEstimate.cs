namespace FactoryTwin.Mes.Performance;

/// <summary>When an open order is expected to be complete, with an interval.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="BodiesAhead">Bodies that must leave the plant until the order is complete: its own remaining ones and those of the open orders before it.</param>
/// <param name="Expected">The expected completion (the median of the estimate).</param>
/// <param name="Low">The lower end of the interval.</param>
/// <param name="High">The upper end of the interval.</param>
/// <param name="Confidence">The interval's probability, e.g. 0.9.</param>
public sealed record OrderCompletionEstimate(string OrderId, int BodiesAhead, DateTimeOffset Expected, DateTimeOffset Low, DateTimeOffset High, double Confidence);
