using FactoryTwin.Mes.Scheduling;

namespace FactoryTwin.Mes.Performance;

/// <summary>The plant's performance in a window against the active schedule: the content of a B2MML <c>OperationsPerformance</c>.</summary>
public sealed record PerformanceReport
{
    /// <summary>Gets the report id (unique per schedule and window).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the schedule reported against.</summary>
    public required ProductionSchedule Schedule { get; init; }

    /// <summary>Gets the inclusive start of the window (UTC).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Gets the exclusive end of the window (UTC).</summary>
    public required DateTimeOffset Until { get; init; }

    /// <summary>Gets a label of the window (a shift like <c>2026-12-07/early</c>), or <see langword="null"/>.</summary>
    public string? Shift { get; init; }

    /// <summary>Gets plan versus actual per order, in schedule order.</summary>
    public required IReadOnlyList<OrderPerformance> Orders { get; init; }

    /// <summary>Gets the bodies released in the history that match no open order (variant and colour of no order with room).</summary>
    public required int UnscheduledBodies { get; init; }

    /// <summary>Gets when each body of the history (scheduled or not) left the plant, in time order: the plant's output rate.</summary>
    public required IReadOnlyList<DateTimeOffset> Departures { get; init; }

    /// <summary>Gets the downtime by station and reason in the window.</summary>
    public required IReadOnlyList<StationDowntime> Downtime { get; init; }
}
