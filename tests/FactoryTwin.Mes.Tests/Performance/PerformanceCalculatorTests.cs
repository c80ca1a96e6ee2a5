using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Mes.Tests.Performance;

public sealed class PerformanceCalculatorTests
{
    private static readonly DateTimeOffset s_start = PartEvents.Monday6;

    internal static ProductionSchedule Schedule(params (string Id, string Variant, string Colour, int Quantity, double DueHours)[] orders) => new()
    {
        Id = "S-1",
        Orders = orders.Select(o => new ProductionOrder
        {
            Id = o.Id,
            Variant = new VariantId(o.Variant),
            Colour = new ColourId(o.Colour),
            Quantity = o.Quantity,
            EarliestStart = s_start,
            Due = s_start.AddHours(o.DueHours),
        }).ToValueList(),
    };

    [Fact]
    public void Compute_BodiesOfOneVariantAndColour_FillTheOrdersInScheduleSequence()
    {
        var schedule = Schedule(("A", "sedan", "white", 3, 8), ("B", "suv", "black", 2, 8), ("C", "sedan", "white", 2, 8));
        var events = new PartEvents();
        for (int i = 0; i < 6; i++)
        {
            events.Through($"W{i}", "sedan", "white", i);
        }

        events.Through("K0", "suv", "black", 10).Through("K1", "suv", "black", 11).Through("R0", "suv", "red", 12);

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, [], new Dictionary<string, BodyQuality>());

        Assert.Equal(["W0", "W1", "W2"], report.Orders[0].Bodies.Select(b => b.PartId));
        Assert.Equal(["K0", "K1"], report.Orders[1].Bodies.Select(b => b.PartId));
        Assert.Equal(["W3", "W4"], report.Orders[2].Bodies.Select(b => b.PartId));
        Assert.Equal(2, report.UnscheduledBodies); // W5 (both sedan/white orders full) and R0 (no red order)
        Assert.All(report.Orders, o => Assert.Equal(OrderStatus.Completed, o.Status));
    }

    [Fact]
    public void Compute_OrderNotStartedWhenABodyWasReleased_TheBodyGoesToTheNextOrderThatHad()
    {
        // A (first in sequence) may start at 60 min, C at 0: the white sedans released before 60 min are C's, the later
        // ones A's, as a plant that releases the first order that may start does.
        var schedule = Schedule(("A", "sedan", "white", 2, 8), ("C", "sedan", "white", 2, 8));
        schedule = schedule with { Orders = schedule.Orders.Items.Select(o => o.Id == "A" ? o with { EarliestStart = s_start.AddMinutes(60) } : o).ToValueList() };
        var events = new PartEvents().Through("W0", "sedan", "white", 0).Through("W1", "sedan", "white", 1)
            .Through("W2", "sedan", "white", 60).Through("W3", "sedan", "white", 61);

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, [], new Dictionary<string, BodyQuality>());

        Assert.Equal(["W2", "W3"], report.Orders[0].Bodies.Select(b => b.PartId));
        Assert.Equal(["W0", "W1"], report.Orders[1].Bodies.Select(b => b.PartId));
        Assert.Equal(0, report.UnscheduledBodies);
    }

    [Fact]
    public void Compute_BodyAlreadyInThePlantWhenTheEventsBegin_IsNeitherAnOrdersNorUnscheduled()
    {
        // P0's first event is leaving the body line (it was released before the schedule): it is not A's first body.
        var schedule = Schedule(("A", "sedan", "white", 2, 8));
        var events = new PartEvents()
            .Add("biw-store", 5, Model.Telemetry.PartEventKind.Exit, "P0", "sedan", "white")
            .Add("pretreatment", 5, Model.Telemetry.PartEventKind.Enter, "P0", "sedan", "white")
            .Through("W0", "sedan", "white", 10).Through("W1", "sedan", "white", 11);

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, [], new Dictionary<string, BodyQuality>());

        Assert.Equal(["W0", "W1"], report.Orders[0].Bodies.Select(b => b.PartId));
        Assert.Equal(0, report.UnscheduledBodies);
    }

    [Fact]
    public void Compute_InspectionSendsABodyToSpotRepairAndPassesItLater_ThePaintLineProducesItOnce_AndABodyScrappedThereIsNot_InAnyOrderOfGateways()
    {
        var schedule = Schedule(("A", "sedan", "white", 3, 8));
        var k = Model.Telemetry.PartEventKind.Enter;
        var x = Model.Telemetry.PartEventKind.Exit;
        var events = new PartEvents()
            .Add("body-release", 0, k, "R", "sedan", "white").Add("underbody", 0, k, "R", "sedan", "white")
            .Add("inspection", 100, k, "R", "sedan", "white").Add("inspection", 102, x, "R", "sedan", "white")
            .Add("spot-repair", 102, k, "R", "sedan", "white").Add("spot-repair", 115, x, "R", "sedan", "white")
            .Add("inspection", 115, k, "R", "sedan", "white").Add("inspection", 117, x, "R", "sedan", "white")
            .Add("pbs", 117, k, "R", "sedan", "white")
            .Add("body-release", 1, k, "S", "sedan", "white").Add("underbody", 1, k, "S", "sedan", "white")
            .Add("inspection", 101, k, "S", "sedan", "white").Add("inspection", 103, x, "S", "sedan", "white")
            // T: the assembly gateway's entry into the painted body store sorts before the paint gateway's exit (same instant).
            .Add("body-release", 2, k, "T", "sedan", "white").Add("underbody", 2, k, "T", "sedan", "white")
            .Add("inspection", 104, k, "T", "sedan", "white").Add("pbs", 106, k, "T", "sedan", "white").Add("inspection", 106, x, "T", "sedan", "white");

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, [], new Dictionary<string, BodyQuality>());

        var order = Assert.Single(report.Orders);
        var paint = Assert.Single(order.Segments, g => g.Line.Value == "paint");
        Assert.Equal((2, 1, s_start.AddMinutes(103), s_start.AddMinutes(117)), (paint.Produced, paint.Scrapped, paint.FirstAt, paint.LastAt));
        Assert.Equal(1, order.Scrapped);
    }

    [Fact]
    public void Compute_Window_CountsEachLinesOutputInsideTheWindowOnly()
    {
        var schedule = Schedule(("A", "sedan", "white", 4, 8));
        var events = new PartEvents()
            .Through("B0", "sedan", "white", 0)      // body out at 60, paint out at 180, shipped at 300
            .Through("B1", "sedan", "white", 100)    // body out at 160, paint out at 280, shipped at 400
            .Through("B2", "sedan", "white", 200, end: 0); // released only
        var from = s_start.AddMinutes(120);
        var until = s_start.AddMinutes(290);

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, from, until, events.All, [], new Dictionary<string, BodyQuality>());

        var order = Assert.Single(report.Orders);
        Assert.Equal(3, order.Released);
        Assert.Equal(0, order.Completed); // B0 is shipped at 300, after the window
        Assert.Equal(OrderStatus.InProgress, order.Status);
        var segments = order.Segments.ToDictionary(s => s.Line.Value);
        Assert.Equal(1, segments["body"].Produced);   // B1 at 160
        Assert.Equal(2, segments["paint"].Produced);  // B0 at 180, B1 at 280
        Assert.False(segments.ContainsKey("assembly"));
        Assert.Equal(s_start.AddMinutes(180), segments["paint"].FirstAt);
        Assert.Equal(s_start.AddMinutes(280), segments["paint"].LastAt);
    }

    [Fact]
    public void Compute_BodyThatLeavesAStationAndEntersNothing_IsScrappedThere()
    {
        var schedule = Schedule(("A", "sedan", "white", 2, 8));
        var events = new PartEvents().Scrapped("S0", "sedan", "white", 0).Through("S1", "sedan", "white", 5);

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, [], new Dictionary<string, BodyQuality>());

        var order = Assert.Single(report.Orders);
        Assert.Equal(1, order.Scrapped);
        Assert.Equal(1, order.Completed);
        Assert.Equal(OrderStatus.InProgress, order.Status);
        Assert.Equal(1, order.Remaining);
        var body = order.Segments.Single(s => s.Line.Value == "body");
        Assert.Equal((1, 1), (body.Produced, body.Scrapped));
        Assert.Equal(new AssetId("metal-finish"), order.Bodies[0].ScrappedAt);
    }

    [Fact]
    public void Compute_DueTimePassedWithBodiesMissing_IsLate_AndNothingReleased_IsNotStarted()
    {
        var schedule = Schedule(("A", "sedan", "white", 5, 2), ("B", "suv", "grey", 5, 10));
        var events = new PartEvents().Through("B0", "sedan", "white", 0);

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, [], new Dictionary<string, BodyQuality>());

        Assert.Equal(OrderStatus.Late, report.Orders[0].Status);
        Assert.Equal(OrderStatus.NotStarted, report.Orders[1].Status);
        Assert.Equal(5, report.Orders[1].Remaining);
    }

    [Fact]
    public void Compute_StateIntervals_SumsDowntimePerStationAndReasonClippedToTheWindow()
    {
        var schedule = Schedule(("A", "sedan", "white", 1, 8));
        var respot = new AssetId("respot");
        StationStateSpan[] states =
        [
            new(respot, StationState.Down, s_start.AddMinutes(-10), s_start.AddMinutes(10)), // 600 s inside
            new(respot, StationState.Working, s_start.AddMinutes(10), s_start.AddMinutes(50)),
            new(respot, StationState.Down, s_start.AddMinutes(50), s_start.AddMinutes(53)), // 180 s
            new(respot, StationState.Setup, s_start.AddMinutes(53), s_start.AddMinutes(54)), // 60 s
            new(new AssetId("closures"), StationState.OffShift, s_start, s_start.AddHours(1)), // not downtime
            new(new AssetId("closures"), StationState.Starved, s_start.AddHours(7.5), s_start.AddHours(9)), // 1800 s inside
        ];

        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), [], states, new Dictionary<string, BodyQuality>());

        Assert.Equal(
            [("respot", StationState.Setup, 60.0, 1), ("respot", StationState.Down, 780.0, 2), ("closures", StationState.Starved, 1800.0, 1)],
            report.Downtime.Select(d => (d.Station.Value, d.Reason, d.Seconds, d.Occurrences)));
        Assert.All(report.Downtime, d => Assert.Equal("body", d.Line.Value));
    }
}
