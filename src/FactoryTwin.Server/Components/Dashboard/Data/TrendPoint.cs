namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>One bucket of a trend.</summary>
/// <param name="Start">The bucket start.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Avg">The mean value.</param>
/// <param name="Max">The largest value.</param>
public readonly record struct TrendPoint(DateTimeOffset Start, double Min, double Avg, double Max);
