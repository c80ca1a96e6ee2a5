using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>The forecast of the rest of the shift from a live snapshot.</summary>
/// <param name="MadeAt">The snapshot instant (UTC).</param>
/// <param name="ShiftEnd">The instant forecast to (the shift end, UTC).</param>
/// <param name="Replications">The number of Monte Carlo replications.</param>
/// <param name="Plant">The plant's output (lines that end in a sink).</param>
/// <param name="Bottleneck">The station most often the plant's bottleneck, or <see langword="null"/>.</param>
/// <param name="Lines">Each line's forecast, in model order.</param>
/// <param name="ShiftStart">The start of the shift forecast (UTC); later than <paramref name="MadeAt"/> off shift, when the forecast is of the next shift.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.ShiftForecastView")]
public sealed record ShiftForecastView(
    [property: Id(0)] DateTimeOffset MadeAt,
    [property: Id(1)] DateTimeOffset ShiftEnd,
    [property: Id(2)] int Replications,
    [property: Id(3)] OutputForecastView Plant,
    [property: Id(4)] string? Bottleneck,
    [property: Id(5)] ImmutableArray<LineForecastView> Lines,
    [property: Id(6)] DateTimeOffset? ShiftStart = null)
{
    /// <summary>Gets a value indicating whether the forecast was made off shift (it covers the next shift).</summary>
    public bool OffShift => ShiftStart is { } start && start > MadeAt;
}
