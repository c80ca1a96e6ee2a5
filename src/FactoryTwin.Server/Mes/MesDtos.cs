using FactoryTwin.Analytics.Orders;
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
/// <param name="ExpectedCompletion">
/// For an open order: its expected completion (the median), from <paramref name="CompletionSource"/>; with the simulation,
/// <see langword="null"/> when it lies after <paramref name="ForecastHorizon"/>.
/// </param>
/// <param name="CompletionLow">The lower end of its 90 % interval (the 5 % quantile); with the simulation, <see langword="null"/> after the horizon.</param>
/// <param name="CompletionHigh">The upper end of its 90 % interval (the 95 % quantile); with the simulation, <see langword="null"/> after the horizon.</param>
/// <param name="CompletionSource">
/// Where the estimate comes from: <c>simulation</c> (Monte Carlo replications from the live plant releasing by the
/// schedule), <c>recent-rate</c> (the plant's recent output rate carried forward, until the first simulation), or
/// <see langword="null"/> for none (a completed order, or no estimate yet).
/// </param>
/// <param name="OnTimeProbability">With the simulation: the share of replications in which the order is complete by its due time.</param>
/// <param name="ForecastHorizon">With the simulation: the instant the replications end; an order not complete by then is "after the horizon".</param>
/// <param name="RateExpectedCompletion">For an open order: the expected completion from the recent output rate, kept beside the simulation's for comparison.</param>
public sealed record OrderProgressDto(
    string Id, string Variant, string Colour, IReadOnlyList<string> Options, int Quantity, DateTimeOffset EarliestStart, DateTimeOffset Due, string? Line,
    string Status, int Released, int Completed, int Scrapped, int InProgress, int Remaining, DateTimeOffset? FirstReleaseAt, DateTimeOffset? LastCompletionAt,
    DateTimeOffset? ExpectedCompletion, DateTimeOffset? CompletionLow, DateTimeOffset? CompletionHigh,
    string? CompletionSource = null, double? OnTimeProbability = null, DateTimeOffset? ForecastHorizon = null, DateTimeOffset? RateExpectedCompletion = null)
{
    /// <summary>The <see cref="CompletionSource"/> of a simulated estimate.</summary>
    public const string SimulationSource = "simulation";

    /// <summary>The <see cref="CompletionSource"/> of an estimate from the recent output rate.</summary>
    public const string RecentRateSource = "recent-rate";

    /// <summary>Gets whether the simulation puts the order's expected completion after its horizon.</summary>
    public bool CompletesAfterHorizon => CompletionSource == SimulationSource && ExpectedCompletion is null;

    internal static OrderProgressDto From(OrderPerformance o, OrderCompletionEstimate? e, OrderCompletionOutlook? simulated, DateTimeOffset? horizon)
    {
        var dto = new OrderProgressDto(
            o.Order.Id, o.Order.Variant.Value, o.Order.Colour.Value, o.Order.Options.Items, o.Order.Quantity, o.Order.EarliestStart, o.Order.Due, o.Order.Line?.Value,
            StatusName(o.Status), o.Released, o.Completed, o.Scrapped, o.InProgress, o.Remaining, o.FirstReleaseAt, o.LastCompletionAt,
            e?.Expected, e?.Low, e?.High, e is null ? null : RecentRateSource, RateExpectedCompletion: e?.Expected);
        return simulated is null || o.Status == OrderStatus.Completed
            ? dto
            : dto with
            {
                ExpectedCompletion = simulated.Expected,
                CompletionLow = simulated.Low,
                CompletionHigh = simulated.High,
                CompletionSource = SimulationSource,
                OnTimeProbability = simulated.OnTimeProbability,
                ForecastHorizon = horizon,
            };
    }

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
