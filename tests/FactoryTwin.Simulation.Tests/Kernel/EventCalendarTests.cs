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
            cal.Schedule(r.NextDouble() * 100, EventKind.PhaseEnd, i, 0);
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
        cal.Schedule(5, EventKind.Arrival, 1, 0);
        cal.Schedule(5, EventKind.PhaseEnd, 2, 0);
        cal.Schedule(5, EventKind.PhaseEnd, 3, 0);
        cal.Schedule(5, EventKind.RepairEnd, 4, 0);
        cal.Schedule(4, EventKind.Arrival, 5, 0);
        int[] expected = [5, 2, 3, 4, 1];
        foreach (int target in expected)
        {
            Assert.Equal(target, cal.Pop().Target);
        }
    }
}
