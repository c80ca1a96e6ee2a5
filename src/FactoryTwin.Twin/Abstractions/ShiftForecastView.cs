using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>The forecast of the rest of the shift from a live snapshot.</summary>
/// <param name="MadeAt">The snapshot instant (UTC).</param>
/// <param name="ShiftEnd">The instant forecast to (the shift end, UTC).</param>
/// <param name="Replications">The number of Monte Carlo replications.</param>
/// <param name="Plant">The plant's output (lines that end in a sink).</param>
/// <param name="Bottleneck">The station most often the plant's bottleneck, or <see langword="null"/>.</param>
/// <param name="Lines">Each line's forecast, in model order.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.ShiftForecastView")]
public sealed record ShiftForecastView(
    [property: Id(0)] DateTimeOffset MadeAt,
    [property: Id(1)] DateTimeOffset ShiftEnd,
    [property: Id(2)] int Replications,
    [property: Id(3)] OutputForecastView Plant,
    [property: Id(4)] string? Bottleneck,
    [property: Id(5)] ImmutableArray<LineForecastView> Lines);
