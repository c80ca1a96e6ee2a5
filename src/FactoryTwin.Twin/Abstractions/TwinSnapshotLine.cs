namespace FactoryTwin.Twin.Abstractions;

/// <summary>A line's output of the shift so far in a <see cref="TwinSnapshot"/>.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Good">Bodies that left the line this shift.</param>
/// <param name="Scrap">Parts scrapped at its stations this shift.</param>
/// <param name="ShiftStart">The start of the shift <paramref name="Good"/> and <paramref name="Scrap"/> count (the last shift's when off shift).</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinSnapshotLine")]
public sealed record TwinSnapshotLine(
    [property: Id(0)] string Line,
    [property: Id(1)] long Good,
    [property: Id(2)] long Scrap,
    [property: Id(3)] DateTimeOffset? ShiftStart = null);
