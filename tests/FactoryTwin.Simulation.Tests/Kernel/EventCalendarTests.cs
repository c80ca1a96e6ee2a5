using FactoryTwin.Simulation.Kernel;

namespace FactoryTwin.Simulation.Tests.Kernel;

public sealed class EventCalendarTests
{
    [Fact]
    public void Pop_RandomTimes_ComeOutSorted()
    {
        var cal = new EventCalendar();
        var r = SeededRandom.Create(3, 0, 0);
        for (int i = 0; i < 5000; i++)
        {
            cal.Schedule(r.NextDouble() * 100, EventKind.PhaseEnd, i);
        }

        double last = double.NegativeInfinity;
        while (cal.Count > 0)
        {
            var ev = cal.Pop();
            Assert.True(ev.Time >= last);
            last = ev.Time;
        }
    }

    [Fact]
    public void Pop_EqualTimes_OrderByKindThenInsertion()
    {
        var cal = new EventCalendar();
        cal.Schedule(5, EventKind.Arrival, 1);
        cal.Schedule(5, EventKind.PhaseEnd, 2);
        cal.Schedule(5, EventKind.PhaseEnd, 3);
        cal.Schedule(5, EventKind.RepairEnd, 4);
        cal.Schedule(4, EventKind.Arrival, 5);
        int[] expected = [5, 2, 3, 4, 1];
        foreach (int target in expected)
        {
            Assert.Equal(target, cal.Pop().Target);
        }
    }

    [Fact]
    public void Schedule_ReturnsTheKeyThePoppedEventCarries()
    {
        var cal = new EventCalendar();
        ulong first = cal.Schedule(7, EventKind.RepairEnd, SimEvent.MaxTarget);
        ulong second = cal.Schedule(3, EventKind.PhaseEnd, 12);

        var a = cal.Pop();
        var b = cal.Pop();

        Assert.Equal((second, EventKind.PhaseEnd, 12), (a.Key, a.Kind, a.Target));
        Assert.Equal((first, EventKind.RepairEnd, SimEvent.MaxTarget), (b.Key, b.Kind, b.Target));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void TryPopBefore_StopsAtTheLimitAndKeepsTheEvent()
    {
        var cal = new EventCalendar();
        cal.Schedule(10, EventKind.PhaseEnd, 1);
        cal.Schedule(20, EventKind.PhaseEnd, 2);

        Assert.True(cal.TryPopBefore(15, out var ev));
        Assert.Equal(1, ev.Target);
        Assert.False(cal.TryPopBefore(20, out _));
        Assert.Equal(1, cal.Count);
        Assert.True(cal.TryPopBefore(20.5, out ev));
        Assert.Equal(2, ev.Target);
        Assert.Equal(0, cal.Count);
    }
}
