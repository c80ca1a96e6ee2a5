using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;

namespace FactoryTwin.Server.Mes;

/// <summary>One problem of a refused schedule, as the API reports it.</summary>
/// <param name="Line">The 1-based line in the document (0: the whole document).</param>
/// <param name="Position">The 1-based position in the line.</param>
/// <param name="Code">The kind of problem (<c>unknown-colour</c>, <c>schema-violation</c>, …).</param>
/// <param name="Message">What is wrong.</param>
public sealed record ScheduleProblemDto(int Line, int Position, string Code, string Message)
{
    internal static ScheduleProblemDto From(ScheduleProblem p) => new(p.Line, p.Position, p.CodeName, p.Message);
}

/// <summary>An imported schedule in brief.</summary>
/// <param name="Id">The schedule id.</param>
/// <param name="Orders">The number of orders.</param>
/// <param name="Bodies">The number of bodies ordered.</param>
public sealed record ScheduleImportedDto(string Id, int Orders, long Bodies);

/// <summary>Plan versus actual of one order.</summary>
/// <param name="Id">The order id.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Colour">The colour.</param>
/// <param name="Options">The options.</param>
/// <param name="Quantity">Bodies ordered.</param>
/// <param name="EarliestStart">The earliest start.</param>
/// <param name="Due">The due time.</param>
/// <param name="Line">The planned line, if any.</param>
/// <param name="Status">not-started, in-progress, completed or late.</param>
/// <param name="Released">Bodies released.</param>
/// <param name="Completed">Bodies that left the plant.</param>
/// <param name="Scrapped">Bodies scrapped.</param>
/// <param name="InProgress">Bodies in the plant.</param>
/// <param name="Remaining">Bodies still to finish.</param>
/// <param name="FirstReleaseAt">The first release.</param>
/// <param name="LastCompletionAt">The last completion.</param>
/// <param name="ExpectedCompletion">For an open order: its expected completion from the plant's recent output rate.</param>
/// <param name="CompletionLow">The lower end of its 90 % interval.</param>
/// <param name="CompletionHigh">The upper end of its 90 % interval.</param>
public sealed record OrderProgressDto(
    string Id, string Variant, string Colour, IReadOnlyList<string> Options, int Quantity, DateTimeOffset EarliestStart, DateTimeOffset Due, string? Line,
    string Status, int Released, int Completed, int Scrapped, int InProgress, int Remaining, DateTimeOffset? FirstReleaseAt, DateTimeOffset? LastCompletionAt,
    DateTimeOffset? ExpectedCompletion, DateTimeOffset? CompletionLow, DateTimeOffset? CompletionHigh)
{
    internal static OrderProgressDto From(OrderPerformance o, OrderCompletionEstimate? e) => new(
        o.Order.Id, o.Order.Variant.Value, o.Order.Colour.Value, o.Order.Options.Items, o.Order.Quantity, o.Order.EarliestStart, o.Order.Due, o.Order.Line?.Value,
        StatusName(o.Status), o.Released, o.Completed, o.Scrapped, o.InProgress, o.Remaining, o.FirstReleaseAt, o.LastCompletionAt,
        e?.Expected, e?.Low, e?.High);

    internal static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.NotStarted => "not-started",
        OrderStatus.InProgress => "in-progress",
        OrderStatus.Completed => "completed",
        _ => "late",
    };
}

/// <summary>The active schedule with plan versus actual of each order.</summary>
/// <param name="Id">The schedule id.</param>
/// <param name="PublishedAt">When the MES published it.</param>
/// <param name="AsOf">The plant time the actuals are counted up to.</param>
/// <param name="UnscheduledBodies">Bodies released that no order wanted.</param>
/// <param name="Orders">The orders in schedule sequence.</param>
public sealed record ScheduleProgressDto(string Id, DateTimeOffset? PublishedAt, DateTimeOffset AsOf, int UnscheduledBodies, IReadOnlyList<OrderProgressDto> Orders);
