using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Capacity;

/// <summary>
/// Theoretical (static) capacity of a plant: per element, per line and for the plant, from mean processing times,
/// parallel servers, availability and routing, without queueing, blocking or setups. The plant can sustain at most
/// <see cref="MaxReleasePerHour"/> releases per hour; the simulation tells how much less it really makes.
/// </summary>
/// <param name="ReleasePerHour">The sources' nominal release rate, parts per hour.</param>
/// <param name="Elements">Every element.</param>
/// <param name="Lines">Every line.</param>
/// <param name="MaxReleasePerHour">The plant's capacity in released parts per hour.</param>
/// <param name="Bottleneck">The plant's capacity bottleneck.</param>
public sealed record CapacityReport(
    double ReleasePerHour,
    IReadOnlyList<ElementCapacity> Elements,
    IReadOnlyList<LineCapacity> Lines,
    double MaxReleasePerHour,
    AssetId? Bottleneck);
