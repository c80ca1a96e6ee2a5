using FactoryTwin.Mes.Scheduling;

namespace FactoryTwin.Mes.Performance;

/// <summary>Plan versus actual of one order: totals since the schedule started, and per line in the report window.</summary>
public sealed record OrderPerformance
{
    /// <summary>Gets the order.</summary>
    public required ProductionOrder Order { get; init; }

    /// <summary>Gets the order's status at the end of the window.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>Gets the bodies of the order released so far.</summary>
    public required int Released { get; init; }

    /// <summary>Gets the bodies of the order that have left the plant as output so far.</summary>
    public required int Completed { get; init; }

    /// <summary>Gets the bodies of the order scrapped so far.</summary>
    public required int Scrapped { get; init; }

    /// <summary>Gets the bodies of the order released and neither finished nor scrapped.</summary>
    public int InProgress => Released - Completed - Scrapped;

    /// <summary>Gets the bodies still to finish (ordered minus completed, not below 0).</summary>
    public int Remaining => Math.Max(Order.Quantity - Completed, 0);

    /// <summary>Gets the first release, or <see langword="null"/>.</summary>
    public DateTimeOffset? FirstReleaseAt { get; init; }

    /// <summary>Gets the last completion, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastCompletionAt { get; init; }

    /// <summary>Gets what each line did for the order in the window, in plant order; lines with nothing are left out.</summary>
    public required IReadOnlyList<SegmentPerformance> Segments { get; init; }

    /// <summary>Gets the order's bodies with an event in the window, in release order.</summary>
    public required IReadOnlyList<BodyRecord> Bodies { get; init; }
}
