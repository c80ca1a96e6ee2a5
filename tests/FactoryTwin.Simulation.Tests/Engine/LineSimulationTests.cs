using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Simulation.Tests.Engine;

public sealed class LineSimulationTests
{
    private static StationOptions Constant(double seconds) => new() { ProcessingTime = Distribution.Constant(seconds) };

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Run_DeterministicSerialLine_ExactlyOnePartPerBottleneckCycle(int buffer)
    {
        var model = TestLines.Serial(buffer, ("S1", Constant(50)), ("S2", Constant(60)), ("S3", Constant(40)));
        var sim = new LineSimulation(model, TestLines.Options(end: 3600 + 36000, warmUp: 3600));
        sim.Run();
        var r = sim.GetResult();

        Assert.Equal(600, r.Output);
        Assert.Equal(60.0, r.ThroughputPerHour, 12);
        foreach (var s in r.Stations)
        {
            Assert.Equal(600, s.Processed);
        }

        var bottleneck = r.Station("S2");
        Assert.Equal(1.0, bottleneck.Working, 12);
        Assert.Equal(1.0, bottleneck.Oee, 12);
        Assert.Equal(50.0 / 60, r.Station("S1").Working, 12);
        Assert.Equal(1 - (50.0 / 60), r.Station("S1").Blocked, 12);
        Assert.Equal(1 - (40.0 / 60), r.Station("S3").Starved, 12);
    }

    [Fact]
    public void Run_DeterministicLine_BottleneckIsSole()
    {
        var model = TestLines.Serial(2, ("S1", Constant(50)), ("S2", Constant(60)), ("S3", Constant(40)));
        var sim = new LineSimulation(model, TestLines.Options(end: 7200, warmUp: 600));
        sim.Run();
        var r = sim.GetResult();
        Assert.Equal(1.0, r.Station("S2").SoleBottleneck, 9);
        Assert.Equal(0.0, r.Station("S1").SoleBottleneck, 9);
        Assert.Equal(0.0, r.Station("S3").SoleBottleneck, 9);
    }

    [Fact]
    public void Run_ShiftCalendarOffQuarterOfTheTime_ProducesThreeQuarters()
    {
        var shifts = ShiftCalendar.Periodic(7200, [new TimeInterval(5400, 7200)]);
        var model = TestLines.Serial(0, ("S", Constant(60) with { Calendar = shifts }));
        var sim = new LineSimulation(model, TestLines.Options(end: 72000));
        sim.Run();
        var r = sim.GetResult();
        Assert.Equal(900, r.Output);
        Assert.Equal(0.25, r.Station("S").OffShift, 12);
        Assert.Equal(0.75, r.Station("S").Working, 12);
        Assert.Equal(1.0, r.Station("S").Oee, 12);
    }

    [Fact]
    public void Run_BreakInterruptsProcessing_PartResumesWithRemainingTime()
    {
        // 100 s jobs; a break [150, 200) interrupts the second job at 50 s done: it ends at 250.
        var shifts = ShiftCalendar.FromIntervals([new TimeInterval(150, 200)]);
        var model = TestLines.Serial(0, ("S", Constant(100) with { Calendar = shifts }));
        var sim = new LineSimulation(model, TestLines.Options(end: 250.5));
        sim.RunUntil(249.9);
        Assert.Equal(1, sim.GetResult().Output);
        sim.Run();
        Assert.Equal(2, sim.GetResult().Output);
    }

    [Fact]
    public void Run_SetupOnAttributeChange_SetupTimeAccounted()
    {
        // A second attribute with two values alternates at random; each change costs 10 s on a 50 s station.
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { AttributeMixes = [[1], [1, 1]] });
        var s = b.AddStation("S", new StationOptions
        {
            ProcessingTime = Distribution.Constant(50),
            Setup = new SetupOptions { Attribute = 1, DefaultTime = 10 },
        });
        b.Chain(src, s, b.AddSink("out"));
        var sim = new LineSimulation(b.Build(), TestLines.Options(end: 100_000));
        sim.Run();
        var st = sim.GetResult().Station("S");
        double setupTime = st.SettingUp * 100_000;
        double workTime = st.Working * 100_000;
        Assert.Equal(50.0 * st.Processed, workTime, 50.0); // at most one job in progress at the end
        Assert.True(setupTime > 0);
        Assert.Equal(1.0, st.SettingUp + st.Working, 12);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Run_RichLine_PartsAreConserved(ulong seed)
    {
        var model = TestLines.Rich();
        var sim = new LineSimulation(model, TestLines.Options(end: 40_000, warmUp: 3600, seed: seed));
        sim.Run();
        var r = sim.GetResult();
        Assert.Equal(r.InitialWip + r.PartsEntered, r.PartsExited + r.PartsScrapped + r.FinalWip);
        Assert.True(r.PartsScrapped > 0);
        Assert.True(r.Stations.Sum(s => s.Reworked) > 0);

        // The WIP counter agrees with the parts actually found in the line.
        var snapshot = sim.CaptureSnapshot();
        long found = snapshot.Elements.Sum(e => e.Parts.Length + e.Machines.Count(m => m.Part is not null));
        Assert.Equal(r.FinalWip, found);
        foreach (var s in r.Stations)
        {
            Assert.Equal(1.0, s.Working + s.SettingUp + s.Blocked + s.Starved + s.Down + s.OffShift, 9);
        }
    }

    [Theory]
    [InlineData(10UL)]
    [InlineData(11UL)]
    public void Run_FiniteBatchDrained_LittlesLawHoldsExactly(ulong seed)
    {
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { InterArrivalTime = Distribution.Exponential(70), MaxParts = 500 });
        var q = b.AddBuffer("Q", LineBuilder.Unbounded);
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Exponential(50) });
        var c = b.AddConveyor("C", 3, 30);
        var s2 = b.AddStation("S2", new StationOptions { ProcessingTime = Distribution.LogNormal(55, 0.5) });
        b.Chain(src, q, s1, c, s2, b.AddSink("out"));
        var sim = new LineSimulation(b.Build(), TestLines.Options(end: 1e6, seed: seed));
        sim.Run();
        var r = sim.GetResult();

        Assert.Equal(500, r.PartsExited);
        Assert.Equal(0, r.FinalWip);
        double window = r.WindowEnd - r.WindowStart;
        double lambda = r.Output / window;
        Assert.Equal(r.MeanWip, lambda * r.LeadTime.Mean, r.MeanWip * 1e-9); // L = λW on the sample path
    }

    [Fact]
    public void Reset_SameReplication_ReproducesRunBitForBit()
    {
        var model = TestLines.Rich();
        var sim = new LineSimulation(model, TestLines.Options(end: 20_000, warmUp: 1000) with { WipSampleInterval = 600 });
        sim.Run();
        var first = TestLines.Figures(sim.GetResult());
        sim.Reset(1);
        sim.Run();
        sim.Reset(0);
        sim.Run();
        Assert.Equal(first, TestLines.Figures(sim.GetResult()));
    }

    [Fact]
    public void CaptureSnapshot_DeterministicLineResumed_SameFutureExactly()
    {
        var shifts = ShiftCalendar.Periodic(3600, [new TimeInterval(3000, 3300)]);
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(47), Calendar = shifts });
        var conv = b.AddConveyor("C", 4, 33.5);
        var s2 = b.AddStation("S2", new StationOptions { ProcessingTime = Distribution.Constant(61) });
        var buf = b.AddBuffer("B", 3);
        var s3 = b.AddStation("S3", new StationOptions { ProcessingTime = Distribution.Constant(58.25), Servers = 2 });
        b.Chain(src, s1, conv, s2, buf, s3, b.AddSink("out"));
        var model = b.Build();
        const double t0 = 5000.3, end = 20_000;

        var (_, uninterrupted, resumed) = TestLines.RunAndResume(model, t0, end);

        TestLines.AssertSameFuture(uninterrupted, resumed);
    }

    [Fact]
    public void CaptureSnapshot_BlockedPartForRework_ResumesWaitingForTheReworkTarget()
    {
        // Every part goes to rework; the rework queue is full and its station slow, while the normal output frees
        // up every 100 s. A blocked part sent to rework must wait for the rework target after a resume too.
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var rework = b.AddBuffer("RW", 1);
        var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Constant(10), ReworkProbability = 1, ReworkTarget = rework });
        var s2 = b.AddStation("S2", Constant(100));
        var s3 = b.AddStation("S3", Constant(1e6));
        var sink = b.AddSink("out");
        b.Chain(src, s1, b.AddBuffer("B", 1), s2, sink);
        b.Chain(rework, s3, sink);
        var model = b.Build();
        var sim = new LineSimulation(model, TestLines.Options(10_000));
        sim.RunUntil(500);
        var snapshot = sim.CaptureSnapshot();
        var held = snapshot.Elements.Single(e => e.Name == "S1").Machines[0];

        var resumed = new LineSimulation(model, TestLines.Options(10_000 + 500), replication: 3, start: snapshot);
        resumed.RunUntil(2500);
        var after = resumed.CaptureSnapshot().Elements.Single(e => e.Name == "S1").Machines[0];

        Assert.True(held is { Status: MachineStatus.Blocked, PartFinished: true, PartToRework: true }, held.ToString());
        Assert.Equal((MachineStatus.Blocked, true, 2500 - 500 + held.TimeInStatus), (after.Status, after.PartToRework, after.TimeInStatus));
    }

    [Fact]
    public void Reset_SnapshotWithDownMachineAndKnownRepair_StaysDownUntilRepaired()
    {
        var model = TestLines.Serial(0, ("S", Constant(10) with
        {
            Failures = new FailureModel(Distribution.Exponential(1e9), Distribution.Exponential(100)),
        }));
        var snapshot = new LineSnapshot(1000, [new ElementSnapshot
        {
            Name = "S",
            Machines = [new MachineSnapshot
            {
                Status = MachineStatus.Down,
                TimeInStatus = 30,
                Part = new PartSnapshot([0], 990),
                RemainingWork = 4,
                RemainingRepair = 500,
            }],
        }]);
        var sim = new LineSimulation(model, TestLines.Options(end: 1504.5), start: snapshot);
        sim.RunUntil(1499.9);
        Assert.Equal(0, sim.GetResult().Output);
        sim.Run();
        var r = sim.GetResult();
        Assert.Equal(1, r.Output);
        Assert.Equal(514, r.LeadTime.Mean, 9);
        Assert.Equal(1, r.InitialWip);
    }

    [Fact]
    public void Reset_SnapshotWithPartForReworkOnStationWithoutRework_ThrowsNamingTheStation()
    {
        var model = TestLines.Serial(0, ("S", Constant(10)));
        var snapshot = new LineSnapshot(1000, [new ElementSnapshot
        {
            Name = "S",
            Machines = [new MachineSnapshot
            {
                Status = MachineStatus.Blocked,
                Part = new PartSnapshot([0], 990),
                PartFinished = true,
                PartToRework = true,
            }],
        }]);

        var ex = Assert.Throws<ArgumentException>(() => new LineSimulation(model, TestLines.Options(end: 2000), start: snapshot));

        Assert.Contains("'S'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no rework target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_SnapshotPartWithAnAttributeValueTheModelDoesNotKnow_Throws()
    {
        var model = TestLines.Serial(0, ("S", Constant(10)));
        var snapshot = new LineSnapshot(1000, [new ElementSnapshot
        {
            Name = "S",
            Machines = [new MachineSnapshot { Status = MachineStatus.Working, Part = new PartSnapshot([1], 990) }],
        }]);

        var ex = Assert.Throws<ArgumentException>(() => new LineSimulation(model, TestLines.Options(end: 2000), start: snapshot));

        Assert.Contains("attribute 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaptureSnapshot_PartAttributes_AreThoseTheSourceDrew()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { AttributeMixes = [[0, 1], [1], [0, 0, 1]] });
        var s = b.AddStation("S", new StationOptions { ProcessingTime = Distribution.Constant(100) });
        b.Chain(src, s, b.AddSink("out"));
        var sim = new LineSimulation(b.Build(), TestLines.Options(end: 1000));
        sim.RunUntil(50);

        var part = sim.CaptureSnapshot().Elements.Single(e => e.Name == "S").Machines[0].Part!;

        Assert.Equal([1, 0, 2], part.Attributes);
        Assert.Equal(1, part.Variant);
    }

    [Fact]
    public void Run_SplitByFraction_RoutesInProportion()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var s = b.AddStation("S", Constant(1));
        var a = b.AddStation("A", Constant(0.1));
        var c = b.AddStation("C", Constant(0.1));
        var sink = b.AddSink("out");
        b.Connect(src, s);
        b.SplitByFraction(s, [(a, 0.25), (c, 0.75)]);
        b.Connect(a, sink).Connect(c, sink);
        var sim = new LineSimulation(b.Build(), TestLines.Options(end: 40_000));
        sim.Run();
        var r = sim.GetResult();
        double share = (double)r.Station("A").Processed / r.Output;
        double se = Math.Sqrt(0.25 * 0.75 / r.Output);
        Assert.Equal(0.25, share, 5 * se);
    }

    [Fact]
    public void Run_FirstAvailableToParallelStations_UsesBoth()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var split = b.AddBuffer("B", 2);
        var a = b.AddStation("A", Constant(100));
        var c = b.AddStation("C", Constant(100));
        var sink = b.AddSink("out");
        b.Chain(src, split, a, sink);
        b.Chain(split, c, sink);
        var sim = new LineSimulation(b.Build(), TestLines.Options(end: 10_000.5));
        sim.Run();
        var r = sim.GetResult();
        Assert.Equal(200, r.Output);
        Assert.Equal(100, r.Station("A").Processed);
        Assert.Equal(100, r.Station("C").Processed);
    }
}
