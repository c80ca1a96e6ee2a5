namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// A change notice: something about <see cref="Key"/> changed at <see cref="At"/>. Notices are coalesced (the latest
/// per kind and key wins), so a subscriber reads the current view from the grain when it needs the detail.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Key">The asset, line or site id.</param>
/// <param name="At">When (the twin's clock, UTC).</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinChange")]
public readonly record struct TwinChange(
    [property: Id(0)] TwinChangeKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] DateTimeOffset At);
