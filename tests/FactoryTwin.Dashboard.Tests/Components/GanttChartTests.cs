using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Components.Dashboard.Widgets;

namespace FactoryTwin.Dashboard.Tests.Components;

public sealed class GanttChartTests
{
    private static readonly DateTimeOffset ShiftStart = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_SixMinutesIntoTheShift_TicksEveryFiveMinutesAndTheFirstLabelIsWhole()
    {
        // Six minutes after 06:00: an hourly axis had one tick, on the left edge, whose centred label showed ":00".
        using var ctx = new DashboardContext();
        var to = ShiftStart.AddMinutes(6);

        var cut = ctx.Render<GanttChart>(p => p
            .Add(c => c.Spans, [new StateSpan(ShiftStart, to, StationState.Starved)])
            .Add(c => c.From, ShiftStart)
            .Add(c => c.To, to));

        var ticks = cut.FindAll("text.ft-tick").ToList();
        Assert.Equal(["06:00", "06:05"], ticks.Select(t => t.TextContent));
        Assert.Equal("start", ticks[0].GetAttribute("text-anchor"));
    }

    [Fact]
    public void Render_WholeShift_TicksHourlyAndTheLastLabelEndsAtTheEdge()
    {
        using var ctx = new DashboardContext();
        var to = ShiftStart.AddHours(8);

        var cut = ctx.Render<GanttChart>(p => p.Add(c => c.From, ShiftStart).Add(c => c.To, to));

        var ticks = cut.FindAll("text.ft-tick").ToList();
        Assert.Equal(9, ticks.Count);
        Assert.Equal("14:00", ticks[^1].TextContent);
        Assert.Equal("end", ticks[^1].GetAttribute("text-anchor"));
        Assert.All(ticks.Skip(1).SkipLast(1), t => Assert.Equal("middle", t.GetAttribute("text-anchor")));
    }

    [Fact]
    public void Render_ShiftStartingOffTheHourInTheSiteZone_TicksOnTheSiteClock()
    {
        // Kolkata is UTC+05:30: six hours from 00:45 UTC (06:15 there) tick at whole site hours.
        using var ctx = new DashboardContext();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var from = new DateTimeOffset(2026, 11, 30, 0, 45, 0, TimeSpan.Zero);

        var cut = ctx.Render<GanttChart>(p => p.Add(c => c.From, from).Add(c => c.To, from.AddHours(6)).Add(c => c.Zone, zone));

        Assert.Equal(["07:00", "08:00", "09:00", "10:00", "11:00", "12:00"], cut.FindAll("text.ft-tick").Select(t => t.TextContent));
    }
}
