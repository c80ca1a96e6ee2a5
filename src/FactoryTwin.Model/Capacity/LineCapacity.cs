using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Capacity;

/// <summary>The theoretical capacity of a line and its capacity bottleneck.</summary>
/// <param name="Line">The line.</param>
/// <param name="MaxReleasePerHour">Released parts per hour the line can sustain (infinite when it has no limiting element).</param>
/// <param name="Bottleneck">The element with the least capacity per visit, or <see langword="null"/>.</param>
public sealed record LineCapacity(LineId Line, double MaxReleasePerHour, AssetId? Bottleneck);
