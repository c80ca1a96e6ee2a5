using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Releases;

/// <summary>One order of a <see cref="ReleaseSchedule"/>: so many bodies of one variant and colour, not before a time.</summary>
/// <param name="Id">The order id, carried on each of its bodies' ground-truth events.</param>
/// <param name="Variant">The variant to build.</param>
/// <param name="Colour">The colour; default when the plant has no colours.</param>
/// <param name="Quantity">The bodies ordered, at least 1.</param>
/// <param name="EarliestStart">No body of the order is released before this instant (in the time the plant stamps).</param>
/// <param name="Line">The line whose sources release it, or <see langword="null"/> for any source.</param>
/// <param name="Released">Bodies of the order released before this run (a restart continues the schedule), 0 to <paramref name="Quantity"/>.</param>
public sealed record ReleaseOrder(string Id, VariantId Variant, ColourId Colour, int Quantity, DateTimeOffset EarliestStart, LineId? Line = null, int Released = 0);
