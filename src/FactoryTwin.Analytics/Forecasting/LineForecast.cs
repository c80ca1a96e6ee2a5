using System.Collections.Immutable;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Forecasting;

/// <summary>The forecast of one line.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Name">The line's display name.</param>
/// <param name="Output">Its end-of-shift output (good parts counted at its exit stations).</param>
/// <param name="Bottleneck">The station most often the line's bottleneck, if any was active.</param>
/// <param name="Bottlenecks">How often each of the line's stations was its bottleneck, most frequent first.</param>
public sealed record LineForecast(
    LineId Line,
    string Name,
    OutputForecast Output,
    AssetId? Bottleneck,
    ImmutableArray<BottleneckFrequency> Bottlenecks);
