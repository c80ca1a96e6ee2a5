namespace FactoryTwin.Historian;

/// <summary>The aggregate of one series over one time bucket.</summary>
/// <param name="Start">The bucket's start (UTC); the bucket covers <c>[Start, Start + width)</c>.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Avg">The arithmetic mean of the values.</param>
/// <param name="Last">The value of the newest point (greatest timestamp, then seq).</param>
/// <param name="Count">The number of points.</param>
public readonly record struct BucketAggregate(DateTimeOffset Start, double Min, double Max, double Avg, double Last, long Count);
