using System.Collections.Immutable;

namespace FactoryTwin.Plant.Releases;

/// <summary>
/// The production schedule the virtual plant releases bodies by instead of its random mix. From the first order's
/// earliest start on, each source releases the first order, in schedule sequence, that still wants bodies, may start
/// (its earliest start has come) and is planned on the source's line (or on none); while no such order may start yet,
/// the source waits. Before the schedule's first start, and once every order is released, the plant runs its mix.
/// </summary>
/// <param name="Id">The schedule id, for the log.</param>
/// <param name="Orders">The orders in release sequence.</param>
public sealed record ReleaseSchedule(string Id, ImmutableArray<ReleaseOrder> Orders)
{
    /// <summary>Gets the first instant any order may start, or <see cref="DateTimeOffset.MaxValue"/> with no orders.</summary>
    public DateTimeOffset Begins => Orders.IsDefaultOrEmpty ? DateTimeOffset.MaxValue : Orders.Min(o => o.EarliestStart);
}
