using FactoryTwin.Server.Components.Dashboard.Pages;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class AlarmsTests
{
    private static void Seed(FakeDashboardData data)
    {
        data.Alarms.Add(new AlarmItem("z2-low", "ecoat-oven", "Zone 2 air low", "high", AlarmLifecycle.ActiveUnacknowledged, FakeDashboardData.Now, null, null));
        data.Alarms.Add(new AlarmItem("respot-down", "respot", "Respot down > 10 min", "medium", AlarmLifecycle.ActiveAcknowledged, FakeDashboardData.Now, "bob", null));
        data.Alarms.Add(new AlarmItem("undercure", "topcoat-oven", "Body B-7 frame-rail under-cure", "critical", AlarmLifecycle.ClearedUnacknowledged, FakeDashboardData.Now, null, null));
        data.Alarms.Add(new AlarmItem("stale", "basecoat", "Basecoat sensor stale", "low", AlarmLifecycle.Shelved, FakeDashboardData.Now, null, FakeDashboardData.Now.AddHours(1)));
    }

    [Fact]
    public void Alarms_ListsEveryStateInIsaTerms()
    {
        using var ctx = new DashboardContext();
        Seed(ctx.Data);
        var cut = ctx.Render<Alarms>();

        Assert.Contains("Active · unacknowledged", cut.Find("tr[data-alarm='z2-low']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Active · acknowledged", cut.Find("tr[data-alarm='respot-down']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Cleared · unacknowledged", cut.Find("tr[data-alarm='undercure']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Shelved", cut.Find("tr[data-alarm='stale']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarms_Operator_SeesAcknowledgeOnlyWhereAllowed_AndAcknowledgesAsHimself()
    {
        using var ctx = new DashboardContext("operator", "olga");
        Seed(ctx.Data);
        var cut = ctx.Render<Alarms>();

        Assert.NotNull(cut.Find("tr[data-alarm='z2-low'] .ft-ack"));
        Assert.NotNull(cut.Find("tr[data-alarm='undercure'] .ft-ack"));
        Assert.Empty(cut.FindAll("tr[data-alarm='respot-down'] .ft-ack"));
        Assert.Empty(cut.FindAll("tr[data-alarm='stale'] .ft-ack"));

        cut.Find("tr[data-alarm='z2-low'] .ft-ack").Click();

        var command = Assert.Single(ctx.Data.Commands);
        Assert.Equal(("ack", "z2-low", "olga"), (command.Command, command.Alarm.Alarm, command.User));
        cut.WaitForAssertion(() => Assert.Contains("Active · acknowledged", cut.Find("tr[data-alarm='z2-low']").TextContent, StringComparison.Ordinal));
        Assert.Contains("Acknowledged z2-low", cut.Find("#alarm-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarms_RefusedShelve_ShowsTheReason()
    {
        using var ctx = new DashboardContext("engineer");
        Seed(ctx.Data);
        var cut = ctx.Render<Alarms>();

        cut.Find("tr[data-alarm='respot-down'] .ft-shelve").Click();

        Assert.Contains("shelving refused by the twin", cut.Find("#alarm-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarms_Viewer_HasNoAcknowledgeOrShelveButton()
    {
        using var ctx = new DashboardContext("viewer");
        Seed(ctx.Data);
        var cut = ctx.Render<Alarms>();

        Assert.Empty(cut.FindAll(".ft-ack"));
        Assert.Empty(cut.FindAll(".ft-shelve"));
        Assert.NotNull(cut.Find("#alarm-readonly"));
    }

    [Fact]
    public void Alarms_Filters_NarrowTheList()
    {
        using var ctx = new DashboardContext();
        Seed(ctx.Data);
        var cut = ctx.Render<Alarms>();
        Assert.Equal(4, cut.FindAll("#alarm-table tbody tr").Count);

        cut.Find("#filter-priority").Change("critical");
        Assert.Equal(["undercure"], cut.FindAll("#alarm-table tbody tr").Select(r => r.GetAttribute("data-alarm")));

        cut.Find("#filter-priority").Change("");
        cut.Find("#filter-state").Change(nameof(AlarmLifecycle.ActiveAcknowledged));
        Assert.Equal(["respot-down"], cut.FindAll("#alarm-table tbody tr").Select(r => r.GetAttribute("data-alarm")));

        cut.Find("#filter-state").Change("");
        cut.Find("#filter-text").Input("oven");
        Assert.Equal(["z2-low", "undercure"], cut.FindAll("#alarm-table tbody tr").Select(r => r.GetAttribute("data-alarm")));
    }
}
