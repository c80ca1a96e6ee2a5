using System.Collections.Concurrent;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Engine;

public sealed class PartInspectorTests
{
    [Fact]
    public void Run_InspectorReworksOneVariant_ExactlyThoseGoToTheReworkTarget()
    {
        // A saturated source, a 10 s station whose inspector sends every part of variant 1 to a rework station that
        // sends it on to the sink; variant 0 goes straight on. Every part passes the station once: 360 in an hour.
        var inspector = new Recorder(i => i.Variant == 1 ? PartOutcome.Rework : PartOutcome.Good);
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { AttributeMixes = [[0.5, 0.5]] });
        var rework = b.AddBuffer("RW", LineBuilder.Unbounded);
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(10), ReworkTarget = rework, Inspector = inspector });
        var repair = b.AddStation("R", new StationOptions { ProcessingTime = Distribution.Constant(1) });
        var sink = b.AddSink("out");
        b.Chain(src, s1, sink);
        b.Chain(rework, repair, sink);
        var sim = new LineSimulation(b.Build(), TestLines.Options(3600 + 1e-6));
        sim.Run();
        var r = sim.GetResult();

        var seen = inspector.Seen.ToArray();
        Assert.Equal(360, r.Station("S1").Processed);
        Assert.Equal(seen.Count(i => i.Variant == 1), r.Station("S1").Reworked);
        Assert.Equal(r.Station("S1").Reworked, r.Station("R").Processed);
        Assert.InRange(r.Station("S1").Reworked, 120, 240); // about half of 360
        Assert.All(seen, i => Assert.Equal((10.0, 10.0, true), (i.Time - i.WorkStart, i.WorkTime, double.IsNaN(i.FirstStop))));
    }

    [Fact]
    public void Run_ProcessingInterruptedByARepair_InspectorSeesTheFirstStopAndTheStoppedTime()
    {
        // A calendar failure at 25 s with a 7 s repair on a 10 s station: the first part runs 0–10, the second 10–20,
        // the third starts at 20, stops at 25, resumes at 32 and ends at 37.
        var inspector = new Recorder(_ => PartOutcome.Good);
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var rework = b.AddBuffer("RW", LineBuilder.Unbounded);
        var s1 = b.AddStation("S1", new StationOptions
        {
            ProcessingTime = Distribution.Constant(10),
            ReworkTarget = rework,
            Inspector = inspector,
            Failures = new FailureModel(Distribution.Constant(25), Distribution.Constant(7), FailureClock.Calendar),
        });
        var sink = b.AddSink("out");
        b.Chain(src, s1, sink);
        b.Chain(rework, sink);
        var sim = new LineSimulation(b.Build(), TestLines.Options(40));
        sim.Run();

        var third = inspector.Seen.OrderBy(i => i.Time).ElementAt(2);
        Assert.Equal((20.0, 37.0, 25.0, 7.0), (third.WorkStart, third.Time, third.FirstStop, third.StoppedTime));
    }

    [Fact]
    public void SetInspector_ThisRunOnly_OverridesTheModelsInspectorAndLeavesOtherRunsAlone()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var rework = b.AddBuffer("RW", LineBuilder.Unbounded);
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(10), ReworkTarget = rework });
        var sink = b.AddSink("out");
        b.Chain(src, s1, sink);
        b.Chain(rework, sink);
        var model = b.Build();
        var live = new LineSimulation(model, TestLines.Options(100 + 1e-6));
        live.SetInspector(s1, new Recorder(_ => PartOutcome.Scrap));
        var plain = new LineSimulation(model, TestLines.Options(100 + 1e-6));
        live.Run();
        plain.Run();

        Assert.Equal((10L, 10L), (live.GetResult().Station("S1").Scrapped, live.GetResult().PartsScrapped));
        Assert.Equal((0L, 10L), (plain.GetResult().Station("S1").Scrapped, plain.GetResult().PartsExited));
    }

    [Fact]
    public void AddStation_InspectorWithoutReworkTarget_IsRefused()
    {
        var b = new LineBuilder();
        var ex = Assert.Throws<ArgumentException>(() => b.AddStation("S1", new StationOptions { Inspector = new Recorder(_ => PartOutcome.Good) }));
        Assert.Contains("rework target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetInspector_StationWithoutReworkTarget_IsRefused()
    {
        var b = new LineBuilder();
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(1) });
        b.Chain(b.AddSource("in"), s1, b.AddSink("out"));
        var sim = new LineSimulation(b.Build(), TestLines.Options(10));
        var ex = Assert.Throws<ArgumentException>(() => sim.SetInspector(s1, new Recorder(_ => PartOutcome.Good)));
        Assert.Contains("S1", ex.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder(Func<PartInspection, PartOutcome> decide) : IPartInspector
    {
        public ConcurrentQueue<PartInspection> Seen { get; } = new();

        public PartOutcome Inspect(in PartInspection inspection)
        {
            Seen.Enqueue(inspection);
            return decide(inspection);
        }
    }
}
