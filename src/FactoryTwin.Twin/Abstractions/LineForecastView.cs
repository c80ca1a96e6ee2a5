namespace FactoryTwin.Twin.Abstractions;

/// <summary>One line's end-of-shift forecast.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Output">Its output forecast.</param>
/// <param name="Bottleneck">The station most often its bottleneck, or <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.LineForecastView")]
public sealed record LineForecastView(
    [property: Id(0)] string Line,
    [property: Id(1)] OutputForecastView Output,
    [property: Id(2)] string? Bottleneck);
