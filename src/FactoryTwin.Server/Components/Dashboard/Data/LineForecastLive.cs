namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The end-of-shift forecast of one line.</summary>
/// <param name="Line">The line id.</param>
/// <param name="OutputSoFar">Good parts so far this shift.</param>
/// <param name="Expected">The expected output at the end of the shift.</param>
/// <param name="Low">The 5th percentile of the end-of-shift output.</param>
/// <param name="High">The 95th percentile.</param>
/// <param name="Target">The shift target, when known.</param>
/// <param name="Probability">The probability of meeting the target, 0–1, when known.</param>
/// <param name="Bottleneck">The station most often the bottleneck.</param>
/// <param name="BottleneckShare">The fraction of replications in which it was, 0–1, when known.</param>
/// <param name="Actual">The cumulative output so far this shift.</param>
/// <param name="Fan">The forecast fan to the end of the shift; empty when the forecast has none.</param>
public sealed record LineForecastLive(
    string Line,
    long OutputSoFar,
    double Expected,
    double Low,
    double High,
    int? Target,
    double? Probability,
    string? Bottleneck,
    double? BottleneckShare,
    IReadOnlyList<OutputPoint> Actual,
    IReadOnlyList<FanPoint> Fan);
