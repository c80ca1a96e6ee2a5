using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Engine;

public sealed class ReleasePlanTests
{
    [Fact]
    public void SaturatedSource_FollowsThePlanInOrder_ThenItsMixOnceThePlanSaysMix()
    {
        // Variant 1 three times, variant 0 twice, then the mix (always variant 0 here: its weight is 1, 0).
        var plan = new ListPlan([(0, 1), (0, 1), (0, 1), (0, 0), (0, 0)]);
        var (sim, src, created) = Line(new SourceOptions { AttributeMixes = [[1.0, 0.0]] }, 100 + 1e-6);
        sim.SetReleasePlan(src, plan);
        sim.Reset(0); // a saturated source makes its first part at the reset: now by the plan
        sim.Run();

        // One part enters the 10 s station every 10 s and the next waits at the source from then on.
        Assert.Equal([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], created.Select(c => c.Variant));
        Assert.Equal([0.0, .. Enumerable.Range(0, 11).Select(i => i * 10.0)], created.Select(c => c.Time));
    }

    [Fact]
    public void SaturatedSource_PlanWaits_NothingIsCreatedBeforeTheTimeItGave()
    {
        var plan = new ListPlan([(95, 1), (95, 1), (200, 0)]);
        var (sim, src, created) = Line(new SourceOptions { AttributeMixes = [[1.0, 1.0]] }, 300);
        sim.SetReleasePlan(src, plan);
        sim.Reset(0); // a saturated source makes its first part at the reset: now by the plan
        sim.Run();

        // A saturated source makes its next part as soon as the last one left: the first two at 95 (the second then waits
        // at the source for the 10 s station), the third at 200 and, the plan being empty (Mix), the fourth with it.
        Assert.Equal([95.0, 95.0, 200.0, 200.0], created.Take(4).Select(c => c.Time));
        Assert.Equal([1, 1, 0], created.Take(3).Select(c => c.Variant));
        Assert.True(plan.Asked >= 3);
    }

    [Fact]
    public void TimedSource_PlanWaits_TheNextArrivalComesAtThatTimeAndTheIntervalsGoOnFromThere()
    {
        var plan = new ListPlan([(50, 1), (0, 0), (0, 1)]);
        var (sim, src, created) = Line(new SourceOptions { InterArrivalTime = Distribution.Constant(20), AttributeMixes = [[1.0, 1.0]] }, 100);
        sim.SetReleasePlan(src, plan);
        sim.Reset(0); // a saturated source makes its first part at the reset: now by the plan
        sim.Run();

        // The first arrival at 20 asks, waits until 50 and releases then; the next arrivals 20 s after each part left.
        Assert.Equal([(50.0, 1), (70.0, 0), (90.0, 1)], created.Select(c => (c.Time, c.Variant)));
    }

    [Fact]
    public void Plan_WaitsForNow_TheClockStillMoves()
    {
        var plan = new StubbornPlan(times: 3);
        var (sim, src, created) = Line(new SourceOptions(), 10);
        sim.SetReleasePlan(src, plan);
        sim.Reset(0); // a saturated source makes its first part at the reset: now by the plan
        sim.Run();

        Assert.True(plan.Asked >= 4, $"asked {plan.Asked} times");
        Assert.True(created[0].Time > 0, "the first part is made after the plan stopped waiting");
        Assert.True(created[0].Time < 1e-9, "three waits for 'now' cost only the smallest steps of the clock");
    }

    [Fact]
    public void Plan_GivesAValueTheModelDoesNotHave_TheRunFailsNamingTheSource()
    {
        var (sim, src, _) = Line(new SourceOptions { AttributeMixes = [[1.0, 1.0]] }, 100);
        sim.SetReleasePlan(src, new ListPlan([(0, 2)]));

        var ex = Assert.Throws<InvalidOperationException>(() => sim.Reset(0));
        Assert.Contains("source 'in'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("value 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetReleasePlan_OnAStation_IsRefused_AndClearingItReturnsToTheMix()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { AttributeMixes = [[0.0, 1.0]] });
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(10) });
        var sink = b.AddSink("out");
        b.Chain(src, s1, sink);
        var sim = new LineSimulation(b.Build(), TestLines.Options(50));

        Assert.Throws<ArgumentException>(() => sim.SetReleasePlan(s1, new ListPlan([])));
        sim.SetReleasePlan(src, new ListPlan([(1000, 0)]));
        sim.SetReleasePlan(src, null);
        sim.Reset(0);
        sim.Run();
        Assert.Equal(4, sim.GetResult().Station("S1").Processed); // finished at 10, 20, 30 and 40: the plan is not asked
    }

    private static (LineSimulation Sim, ElementId Source, List<(double Time, int Variant)> Created) Line(SourceOptions source, double end)
    {
        var b = new LineBuilder();
        var src = b.AddSource("in", source);
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(10) });
        var sink = b.AddSink("out");
        b.Chain(src, s1, sink);
        var created = new List<(double, int)>();
        var sim = new LineSimulation(b.Build(), TestLines.Options(end)) { Observer = new Creations(created) };
        return (sim, src, created);
    }

    /// <summary>Releases (not before time, variant) in order, then answers Mix.</summary>
    private sealed class ListPlan(IReadOnlyList<(double NotBefore, ushort Variant)> parts) : IReleasePlan
    {
        private int _next;

        public int Asked { get; private set; }

        public ReleaseDecision Decide(double now, Span<ushort> attributes)
        {
            Asked++;
            if (_next >= parts.Count)
            {
                return ReleaseDecision.Mix;
            }

            var (notBefore, variant) = parts[_next];
            if (now < notBefore)
            {
                return ReleaseDecision.WaitUntil(notBefore);
            }

            attributes[PartAttributes.Variant] = variant;
            _next++;
            return ReleaseDecision.Release;
        }
    }

    /// <summary>Waits for "now" a number of times, then releases variant 0.</summary>
    private sealed class StubbornPlan(int times) : IReleasePlan
    {
        public int Asked { get; private set; }

        public ReleaseDecision Decide(double now, Span<ushort> attributes)
        {
            Asked++;
            return Asked <= times ? ReleaseDecision.WaitUntil(now) : ReleaseDecision.Release;
        }
    }

    private sealed class Creations(List<(double, int)> created) : ILineObserver
    {
        public void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes) => created.Add((time, attributes[PartAttributes.Variant]));

        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status)
        {
        }

        public void OnPartEntered(double time, int element, int part)
        {
        }

        public void OnPartExited(double time, int element, int part)
        {
        }

        public void OnPartCompleted(double time, int element, int part, PartOutcome outcome)
        {
        }

        public void OnStoreLevelChanged(double time, int element, int level)
        {
        }
    }
}
