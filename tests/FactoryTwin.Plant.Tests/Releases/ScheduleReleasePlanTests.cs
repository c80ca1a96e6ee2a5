using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Tests.Releases;

public sealed class ScheduleReleasePlanTests
{
    private static readonly DateTimeOffset s_origin = new(2026, 6, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly AssetId s_source = new("arrivals");
    private static readonly VariantId s_standard = new("standard");
    private static readonly ColourId s_raw = new("raw");

    private static ScheduleReleasePlan Plan(params ReleaseOrder[] orders) =>
        new(TestPlants.TwoStations, new ReleaseSchedule("S", [.. orders]), t => s_origin.AddSeconds(t), at => (at - s_origin).TotalSeconds);

    [Fact]
    public void Decide_BeforeTheFirstStart_DrawsFromTheMix()
    {
        var plan = Plan(new ReleaseOrder("A", s_standard, s_raw, 2, s_origin.AddHours(1)));

        Assert.Equal(ReleaseDecisionKind.Mix, plan.Decide(s_source, 60).Kind);
        Assert.Null(plan.StartedAt);
    }

    [Fact]
    public void Decide_OrdersInSequence_ReleasesEachOrdersRemainingBodiesThenTheMix()
    {
        var plan = Plan(new ReleaseOrder("A", s_standard, s_raw, 3, s_origin, Released: 1), new ReleaseOrder("B", s_standard, s_raw, 1, s_origin));

        var orders = Enumerable.Range(0, 4).Select(i => plan.Decide(s_source, i)).ToList();

        Assert.Equal(["A", "A", "B", null], orders.Select(b => b.Order));
        Assert.Equal(BodyRelease.Body(s_standard, s_raw, "A"), orders[0]);
        Assert.Equal(ReleaseDecisionKind.Mix, orders[3].Kind);
        Assert.Equal((3, 1), (plan.ReleasedOf(0), plan.ReleasedOf(1)));
        Assert.Equal(s_origin.AddSeconds(3), plan.FinishedAt);
    }

    [Fact]
    public void Decide_NextOrderNotStartedYet_WaitsForItsStartAtMostAMinute()
    {
        var plan = Plan(new ReleaseOrder("A", s_standard, s_raw, 1, s_origin), new ReleaseOrder("B", s_standard, s_raw, 1, s_origin.AddSeconds(100)));
        plan.Decide(s_source, 0);

        var soon = plan.Decide(s_source, 50);
        var later = plan.Decide(s_source, 10);

        Assert.Equal(ReleaseDecision.WaitUntil(100).RetryAt, soon.RetryAt);
        Assert.Equal(10 + ScheduleReleasePlan.RecheckSeconds, later.RetryAt);
    }

    [Fact]
    public void Decide_OrderForAnotherLine_LeavesThisSourceToItsMix()
    {
        var plan = Plan(new ReleaseOrder("P", s_standard, s_raw, 1, s_origin, new LineId("paint")));

        Assert.Equal(ReleaseDecisionKind.Mix, plan.Decide(s_source, 0).Kind);
        Assert.Equal(1, plan.RemainingToRelease);
    }
}
