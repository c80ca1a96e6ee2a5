namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// A change notice: something about <see cref="Key"/> changed at <see cref="At"/>. Notices are coalesced (the latest
/// per kind and key wins). An asset's notice carries its new view, made once by the grain, so nobody calls back into
/// the grain to read it; for the other kinds a subscriber reads the detail it needs.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Key">The asset, line or site id.</param>
/// <param name="At">When (the twin's clock, UTC).</param>
/// <param name="View">The asset's new view, for <see cref="TwinChangeKind.Asset"/>; else <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinChange")]
public readonly record struct TwinChange(
    [property: Id(0)] TwinChangeKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] AssetTwinView? View = null);
