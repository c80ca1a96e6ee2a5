using System.Security.Claims;
using FactoryTwin.Server.Components.Dashboard.Pages;
using FactoryTwin.Server.Mes;
using FactoryTwin.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class OrdersTests
{
    // The automotive sample's site is Europe/Berlin: 10:00 UTC on 2026-11-28 is 11:00 there.
    private static readonly DateTimeOffset Now = FakeDashboardData.Now;

    private static OrderProgressDto Order(
        string id, string status, int quantity, int released, int completed, int scrapped, DateTimeOffset start, DateTimeOffset due,
        DateTimeOffset? first = null, DateTimeOffset? last = null, (DateTimeOffset Expected, DateTimeOffset Low, DateTimeOffset High)? estimate = null,
        string variant = "sedan", string colour = "white", IReadOnlyList<string>? options = null) =>
        new(id, variant, colour, options ?? [], quantity, start, due, null, status, released, completed, scrapped, released - completed - scrapped,
            Math.Max(quantity - completed, 0), first, last, estimate?.Expected, estimate?.Low, estimate?.High, estimate is null ? null : OrderProgressDto.RecentRateSource);

    /// <summary>A completed order, a late one still in progress (expected after its due time) and one not started.</summary>
    private static ScheduleProgressDto ThreeOrders() => new("SCH-42", Now.AddHours(-6), Now, 3,
    [
        Order("ORD-1", "completed", 20, 21, 20, 1, Now.AddHours(-4), Now.AddHours(-2), Now.AddHours(-4), Now.AddHours(-2.5), options: ["sunroof", "tow-bar"]),
        Order("ORD-2", "late", 40, 16, 10, 0, Now.AddHours(-2), Now.AddMinutes(-30), Now.AddHours(-2.4), null,
            (Now.AddMinutes(45), Now.AddMinutes(30), Now.AddMinutes(70)), variant: "suv", colour: "black"),
        Order("ORD-3", "not-started", 30, 0, 0, 0, Now.AddMinutes(30), Now.AddHours(3), null, null,
            (Now.AddHours(2.5), Now.AddHours(2), Now.AddHours(3.5))),
    ]);

    private static FakeDashboardSchedule Serve(DashboardContext ctx, ScheduleProgressDto? progress)
    {
        var schedule = new FakeDashboardSchedule { Progress = progress };
        ctx.Services.AddSingleton<IDashboardSchedule>(schedule);
        return schedule;
    }

    private static string Cell(IRenderedComponent<Orders> cut, string order, string column) =>
        cut.Find($"tr[data-order='{order}'] .ft-col-{column}").TextContent.Trim();

    [Fact]
    public void Orders_NoSchedule_SaysHowToImportOne()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, null);

        var cut = ctx.Render<Orders>();

        var message = cut.Find("#orders-none").TextContent;
        Assert.Contains("factorytwin mes import schedule.xml", message, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/mes/schedule", message, StringComparison.Ordinal);
        Assert.Contains("engineer", message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.FindAll("#orders-table"));
        Assert.Empty(cut.FindAll("#orders-error"));
    }

    [Fact]
    public void Orders_Schedule_ListsOrdersInSequenceWithTheirNumbersAndStatuses()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, ThreeOrders());

        var cut = ctx.Render<Orders>();

        Assert.Equal(["ORD-1", "ORD-2", "ORD-3"], cut.FindAll("#orders-table tbody tr").Select(r => r.GetAttribute("data-order")));
        Assert.Equal("SCH-42", cut.Find("#orders-schedule").TextContent);
        Assert.Contains("published 05:00", cut.Find("#orders-asof").TextContent, StringComparison.Ordinal);
        Assert.Equal("3", cut.Find("#orders-unscheduled").TextContent);

        Assert.Equal("sunroof, tow-bar", Cell(cut, "ORD-1", "options"));
        Assert.Equal(["20", "21", "20", "1", "0"], new[] { "quantity", "released", "completed", "scrapped", "in-progress" }.Select(c => Cell(cut, "ORD-1", c)));
        Assert.Equal(["suv", "black", "40", "16", "10", "0", "6"], new[] { "variant", "colour", "quantity", "released", "completed", "scrapped", "in-progress" }.Select(c => Cell(cut, "ORD-2", c)));
        Assert.Equal(["30", "0", "0", "0", "0"], new[] { "quantity", "released", "completed", "scrapped", "in-progress" }.Select(c => Cell(cut, "ORD-3", c)));

        Assert.Equal("completed", cut.Find("tr[data-order='ORD-1'] .ft-order-status").TextContent);
        Assert.Equal("late", cut.Find("tr[data-order='ORD-2'] .ft-order-status").TextContent);
        Assert.Contains("ft-order-late", cut.Find("tr[data-order='ORD-2'] .ft-order-status").ClassList);
        Assert.Equal("not started", cut.Find("tr[data-order='ORD-3'] .ft-order-status").TextContent);

        // Plant-local times (Europe/Berlin, UTC+1 in November).
        Assert.Equal("09:00", Cell(cut, "ORD-2", "start"));
        Assert.Equal("10:30", Cell(cut, "ORD-2", "due"));
    }

    [Fact]
    public void Orders_OpenOrderExpectedAfterItsDueTime_IsFlaggedLate()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, ThreeOrders());

        var cut = ctx.Render<Orders>();

        var late = cut.Find("tr[data-order='ORD-2'] .ft-col-expected");
        Assert.StartsWith("11:45 (11:30–12:10)", late.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(late.QuerySelector(".ft-late-flag"));

        // Expected before its due time, but the interval's high end after it: at risk, not late.
        var risky = cut.Find("tr[data-order='ORD-3'] .ft-col-expected");
        Assert.StartsWith("13:30 (13:00–14:30)", risky.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(risky.QuerySelector(".ft-late-flag"));
        Assert.NotNull(risky.QuerySelector(".ft-risk-flag"));

        Assert.Contains("done 08:30", Cell(cut, "ORD-1", "expected"), StringComparison.Ordinal);
        Assert.Single(cut.FindAll(".ft-late-flag"));
    }

    [Fact]
    public void Orders_SimulatedEstimate_ShowsItsIntervalOnTimeProbabilityAndSource()
    {
        using var ctx = new DashboardContext();
        var progress = ThreeOrders();
        var simulated = progress.Orders[2] with
        {
            ExpectedCompletion = Now.AddHours(2.5), CompletionLow = Now.AddHours(2), CompletionHigh = Now.AddHours(2.75),
            CompletionSource = OrderProgressDto.SimulationSource, OnTimeProbability = 0.96, ForecastHorizon = Now.AddDays(3),
        };
        Serve(ctx, progress with { Orders = [progress.Orders[0], progress.Orders[1], simulated] });

        var cut = ctx.Render<Orders>();

        var cell = Cell(cut, "ORD-3", "expected");
        Assert.Contains("13:30", cell, StringComparison.Ordinal); // 2.5 h after 11:00 site time
        Assert.Contains("(13:00–13:45)", cell, StringComparison.Ordinal);
        Assert.Equal("96 % on time", cut.Find("tr[data-order='ORD-3'] .ft-col-on-time").TextContent.Trim().Replace("\u00a0", " ", StringComparison.Ordinal));
        Assert.Equal("simulation", cut.Find("tr[data-order='ORD-3'] .ft-col-source").TextContent.Trim());
        Assert.Equal("recent-rate", cut.Find("tr[data-order='ORD-2'] .ft-col-source").TextContent.Trim());
        Assert.Empty(cut.FindAll("tr[data-order='ORD-2'] .ft-col-on-time"));
    }

    [Fact]
    public void Orders_SimulatedCompletionAfterTheHorizon_SaysSoWithItsProbability()
    {
        using var ctx = new DashboardContext();
        var progress = ThreeOrders();
        var beyond = progress.Orders[2] with
        {
            ExpectedCompletion = null, CompletionLow = null, CompletionHigh = null,
            CompletionSource = OrderProgressDto.SimulationSource, OnTimeProbability = 0, ForecastHorizon = Now.AddHours(5),
        };
        Serve(ctx, progress with { Orders = [progress.Orders[0], progress.Orders[1], beyond] });

        var cut = ctx.Render<Orders>();

        Assert.Contains("after 16:00", Cell(cut, "ORD-3", "expected"), StringComparison.Ordinal);
        Assert.StartsWith("0", cut.Find("tr[data-order='ORD-3'] .ft-col-on-time").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_CompletedAfterItsDueTime_IsFlaggedAfterDue()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, new ScheduleProgressDto("SCH-7", null, Now, 0,
        [
            Order("ORD-1", "completed", 5, 5, 5, 0, Now.AddHours(-3), Now.AddHours(-1), Now.AddHours(-3), Now.AddMinutes(-20)),
        ]));

        var cut = ctx.Render<Orders>();

        var expected = cut.Find("tr[data-order='ORD-1'] .ft-col-expected");
        Assert.Contains("done 10:40", expected.TextContent, StringComparison.Ordinal);
        Assert.NotNull(expected.QuerySelector(".ft-late-flag"));
        Assert.Contains("published –", cut.Find("#orders-asof").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_ProgressBar_SplitsQuantityIntoCompletedInProgressAndRemaining()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, ThreeOrders());

        var cut = ctx.Render<Orders>();

        string Width(string order, string part) =>
            cut.Find($"tr[data-order='{order}'] .ft-progress-{part}").GetAttribute("style")!;
        Assert.Equal(["width:25%", "width:15%", "width:60%"], new[] { "completed", "in-progress", "remaining" }.Select(p => Width("ORD-2", p)));
        Assert.Equal(["width:100%", "width:0%", "width:0%"], new[] { "completed", "in-progress", "remaining" }.Select(p => Width("ORD-1", p)));
        Assert.Equal("width:100%", Width("ORD-3", "remaining"));
    }

    [Fact]
    public void Orders_Chart_DrawsEachOrdersPlannedWindowActualSpanAndExpectedInterval()
    {
        using var ctx = new DashboardContext();
        Serve(ctx, ThreeOrders());

        var cut = ctx.Render<Orders>();

        Assert.Equal(3, cut.FindAll("path.ft-band[data-band='planned: earliest start → due']").Count);
        Assert.Single(cut.FindAll("path.ft-band[data-band='actual: completed']"));
        Assert.Single(cut.FindAll("path.ft-band[data-band='actual: late']"));
        Assert.Equal(2, cut.FindAll("path.ft-band[data-band='expected completion, 90 % interval']").Count);
        Assert.Equal(2, cut.FindAll("polyline.ft-series[data-series='expected completion']").Count);
        var rows = cut.FindAll("text.ft-tick").Select(t => t.TextContent).ToList();
        Assert.Contains("ORD-1", rows);
        Assert.Contains("ORD-3", rows);

        // One legend entry per kind of bar, not one per order.
        var legend = cut.FindAll(".ft-chart-legend span").Select(s => s.TextContent).ToList();
        Assert.Single(legend, l => l == "planned: earliest start → due");
    }

    [Fact]
    public void Orders_ReportFails_ShowsTheErrorInsteadOfTheSchedule()
    {
        using var ctx = new DashboardContext();
        var schedule = Serve(ctx, ThreeOrders());
        schedule.Failure = new InvalidOperationException("The historian is unavailable.");

        var cut = ctx.Render<Orders>();

        Assert.Contains("The historian is unavailable.", cut.Find("#orders-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#orders-none"));
        Assert.Empty(cut.FindAll("#orders-table"));
    }

    [Fact]
    public async Task Orders_BeforeTheFirstReadReturns_ShowsLoadingThenTheOrders()
    {
        using var ctx = new DashboardContext();
        var schedule = Serve(ctx, ThreeOrders());
        schedule.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var cut = ctx.Render<Orders>();

        Assert.NotNull(cut.Find("#orders-loading"));
        Assert.Empty(cut.FindAll("#orders-none"));
        await cut.InvokeAsync(() => schedule.Gate.SetResult());
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("#orders-table tbody tr").Count));
        Assert.Empty(cut.FindAll("#orders-loading"));
    }

    [Fact]
    public async Task Orders_LinesChange_RereadsAtMostEveryFiveSeconds()
    {
        using var ctx = new DashboardContext();
        var schedule = Serve(ctx, ThreeOrders());
        var cut = ctx.Render<Orders>();
        var progress = ThreeOrders();
        schedule.Progress = progress with { Orders = [progress.Orders[0], progress.Orders[1] with { Completed = 12, InProgress = 4 }, progress.Orders[2]] };

        // An alarm alone does not change plan versus actual.
        ctx.Clock.Advance(TimeSpan.FromSeconds(30));
        await cut.InvokeAsync(() => ctx.Data.AnnounceAsync(new DashboardChange(new HashSet<string>(), false, true, false)));
        Assert.Equal(1, schedule.Reads);

        await cut.InvokeAsync(() => ctx.Data.AnnounceAsync(new DashboardChange(new HashSet<string>(), true, false, false)));
        cut.WaitForAssertion(() => Assert.Equal("12", Cell(cut, "ORD-2", "completed")));
        Assert.Equal(2, schedule.Reads);

        // Right after a read, the next change waits for the page's five seconds (the report reads hours of history).
        await cut.InvokeAsync(() => ctx.Data.AnnounceAsync(new DashboardChange(new HashSet<string>(), true, false, false)));
        ctx.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, schedule.Reads);
        ctx.Clock.Advance(TimeSpan.FromSeconds(4));
        cut.WaitForAssertion(() => Assert.Equal(3, schedule.Reads));
    }

    [Fact]
    public void Orders_UserRestrictedToSomeLines_IsNotShownTheSchedule()
    {
        using var ctx = new DashboardContext();
        var schedule = Serve(ctx, ThreeOrders());
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("bob");
        auth.SetClaims(new Claim(ClaimTypes.Role, "viewer"), new Claim(Roles.LineClaimType, "paint"));

        var cut = ctx.Render<Orders>();

        Assert.NotNull(cut.Find("#orders-hidden"));
        Assert.Empty(cut.FindAll("#orders-table"));
        Assert.Equal(0, schedule.Reads);
    }
}
