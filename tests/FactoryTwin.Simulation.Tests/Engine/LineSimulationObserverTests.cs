using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Engine;

public sealed class LineSimulationObserverTests
{
    [Fact]
    public void Observer_Set_DoesNotChangeTheRun()
    {
        var model = TestLines.Rich();
        var plain = new LineSimulation(model, TestLines.Options(3 * 86_400, 3600));
        plain.Run();
        var observed = new LineSimulation(model, TestLines.Options(3 * 86_400, 3600)) { Observer = new Recorder(model) };
        observed.Reset(0);
        observed.Run();

        Assert.Equal(TestLines.Figures(plain.GetResult()), TestLines.Figures(observed.GetResult()));
    }

    public static TheoryData<string> Lines => ["rich", "reference", "two-server"];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Observer_Set_SameStatusesAndTimesInStatusAlongTheRun(string line)
    {
        // Unobserved, the engine skips statuses that last no time; what it records must be what an observer's run records.
        var model = line switch
        {
            "rich" => TestLines.Rich(),
            "reference" => ReferenceLines.TenStationWithFailures(),
            _ => TestLines.Serial(
                1,
                ("A", new StationOptions { Servers = 2, ProcessingTime = Distribution.Exponential(100), Failures = new FailureModel(Distribution.Exponential(2000), Distribution.Exponential(150), FailureClock.Calendar) }),
                ("B", new StationOptions { ProcessingTime = Distribution.Constant(50) }),
                ("C", new StationOptions { Servers = 3, ProcessingTime = Distribution.LogNormal(140, 0.5) })),
        };
        var plain = new LineSimulation(model, TestLines.Options(86_400, 3600));
        var observed = new LineSimulation(model, TestLines.Options(86_400, 3600)) { Observer = new Recorder(model) };

        for (double t = 1800; t <= 86_400; t += 1800)
        {
            plain.RunUntil(t);
            observed.RunUntil(t);
            Assert.Equal(Machines(observed.CaptureSnapshot()), Machines(plain.CaptureSnapshot()));
        }

        Assert.Equal(TestLines.Figures(observed.GetResult()), TestLines.Figures(plain.GetResult()));

        static List<(string, MachineStatus, double)> Machines(Snapshots.LineSnapshot snapshot) =>
            [.. snapshot.Elements.SelectMany(e => e.Machines.Select(m => (e.Name, m.Status, m.TimeInStatus)))];
    }

    [Fact]
    public void Observer_Set_SerialLineWithStoppedBuffers_SameRunAsUnobserved()
    {
        // Unobserved, single-server stations between zero-transit buffers hand parts over by a shorter path (blocked,
        // starved and stopped neighbours included); an observer's run takes the general one. Both must be one run.
        var failures = new FailureModel(Distribution.Exponential(1800), Distribution.Exponential(240), FailureClock.Operating);
        var model = TestLines.Serial(
            2,
            ("A", new StationOptions { ProcessingTime = Distribution.LogNormal(60, 0.3), Failures = failures }),
            ("B", new StationOptions { ProcessingTime = Distribution.Exponential(55), Failures = failures }),
            ("C", new StationOptions { ProcessingTime = Distribution.Constant(58) }),
            ("D", new StationOptions { ProcessingTime = Distribution.LogNormal(62, 0.5), Failures = failures }));
        var plain = new LineSimulation(model, TestLines.Options(86_400, 0));
        var observed = new LineSimulation(model, TestLines.Options(86_400, 0)) { Observer = new Recorder(model) };
        string[] buffers = ["B1", "B2", "B3"];

        for (int k = 1; k * 2700.0 <= 86_400; k++)
        {
            plain.RunUntil(k * 2700.0);
            observed.RunUntil(k * 2700.0);
            var stop = model.Find(buffers[k % buffers.Length]);
            plain.StopStore(stop, 300 + (k * 37));
            observed.StopStore(stop, 300 + (k * 37));
            Assert.Equal(Machines(observed.CaptureSnapshot()), Machines(plain.CaptureSnapshot()));
        }

        plain.RunUntil(86_400);
        observed.RunUntil(86_400);
        Assert.Equal(TestLines.Figures(observed.GetResult()), TestLines.Figures(plain.GetResult()));
        Assert.Equal(observed.GetResult().Buffers.Select(b => b.LevelFractions.ToArray()), plain.GetResult().Buffers.Select(b => b.LevelFractions.ToArray()));

        static List<(string, int, string)> Machines(Snapshots.LineSnapshot snapshot) =>
            [.. snapshot.Elements.Select(e => (e.Name, e.Parts.Length, string.Join(' ', e.Machines.Select(m => $"{m.Status}:{m.TimeInStatus:R}"))))];
    }

    private static readonly System.Text.Json.JsonSerializerOptions SnapshotJson =
        new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Observer_Set_SerialLineWithShiftsAndStationFailures_SameRunAsUnobserved(int buffer)
    {
        // The shorter path also fills a store from a blocked station upstream, and that station takes its next part, up
        // the line. Here the upstream station may be down (a station-wide failure) or off shift (its own breaks) while
        // it holds its finished part: then it must stay empty, as the general path leaves it.
        var breaksA = ShiftCalendar.Periodic(4 * 3600, [new TimeInterval(3600, 3600 + 900), new TimeInterval(3 * 3600, (3 * 3600) + 600)]);
        var breaksC = ShiftCalendar.Periodic(5 * 3600, [new TimeInterval(2 * 3600, (2 * 3600) + 1200)]);
        var model = TestLines.Serial(
            buffer,
            ("A", new StationOptions { ProcessingTime = Distribution.LogNormal(50, 0.3), Calendar = breaksA }),
            ("B", new StationOptions
            {
                ProcessingTime = Distribution.Exponential(52),
                Failures = new FailureModel(Distribution.Exponential(2400), Distribution.Exponential(400), FailureClock.Calendar, FailureScope.Station),
            }),
            ("C", new StationOptions { ProcessingTime = Distribution.Triangular(40, 55, 80), Calendar = breaksC }),
            ("D", new StationOptions
            {
                ProcessingTime = Distribution.LogNormal(58, 0.4),
                Failures = new FailureModel(Distribution.Exponential(1500), Distribution.Exponential(300), FailureClock.Calendar),
            }),
            ("E", new StationOptions
            {
                ProcessingTime = Distribution.Exponential(60),
                Failures = new FailureModel(Distribution.Exponential(3000), Distribution.Exponential(500), FailureClock.Operating, FailureScope.Station),
            }));

        for (int replication = 0; replication < 3; replication++)
        {
            var plain = new LineSimulation(model, TestLines.Options(2 * 86_400, 3600), replication);
            var observed = new LineSimulation(model, TestLines.Options(2 * 86_400, 3600), replication) { Observer = new Recorder(model) };
            for (double t = 1234.5; t < 2 * 86_400; t += 1234.5)
            {
                plain.RunUntil(t);
                observed.RunUntil(t);
                Assert.Equal(Snapshot(observed.CaptureSnapshot()), Snapshot(plain.CaptureSnapshot()));
            }

            plain.Run();
            observed.Run();
            var result = plain.GetResult();
            Assert.Equal(TestLines.Figures(observed.GetResult()), TestLines.Figures(result));
            Assert.True(result.Stations.Single(s => s.Name == "A").Blocked > 0.01, "A is blocked now and then");
            Assert.True(result.Stations.Single(s => s.Name == "B").Down > 0.05, "B's station-wide failures take effect");
        }

        static string Snapshot(Snapshots.LineSnapshot snapshot) => System.Text.Json.JsonSerializer.Serialize(snapshot, SnapshotJson);
    }

    [Fact]
    public void Observer_RichLine_CompletionsMatchStatisticsAndStoresBalance()
    {
        var model = TestLines.Rich();
        var recorder = new Recorder(model);
        var sim = new LineSimulation(model, TestLines.Options(2 * 86_400)) { Observer = recorder };
        sim.Reset(0);
        sim.Run();
        var result = sim.GetResult();

        foreach (var station in result.Stations)
        {
            int e = model.Find(station.Name).Index;
            Assert.Equal(station.Good, recorder.Good[e]);
            Assert.Equal(station.Scrapped, recorder.Scrap[e]);
            Assert.Equal(station.Reworked, recorder.Rework[e]);
        }

        Assert.Equal(result.PartsExited, recorder.Entered[model.Find("out").Index]);
        foreach (var store in new[] { "C1", "RW", "B2" })
        {
            int e = model.Find(store).Index;
            Assert.Equal(recorder.Entered[e] - recorder.Exited[e], recorder.Level[e]);
            Assert.Equal(sim.GetStoreLevel(new ElementId(e)), recorder.Level[e]);
        }

        Assert.True(recorder.Created > 0);
        Assert.Equal(0, recorder.UnknownParts);
    }

    [Fact]
    public void Observer_StatusChanges_EndInTheEngineStatus()
    {
        var model = TestLines.Rich();
        var recorder = new Recorder(model);
        var sim = new LineSimulation(model, TestLines.Options(86_400)) { Observer = recorder };
        sim.Reset(0);
        sim.RunUntil(12_345);

        var s2 = model.Find("S2");
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(sim.GetMachineStatus(s2, k), recorder.Status[(s2.Index, k)]);
        }
    }

    [Fact]
    public void StopStore_Conveyor_NothingLeavesWhileStoppedThenFlowResumes()
    {
        var model = TestLines.Rich();
        var recorder = new Recorder(model);
        var sim = new LineSimulation(model, TestLines.Options(86_400)) { Observer = recorder };
        sim.Reset(0);
        sim.RunUntil(10_000);
        var conveyor = model.Find("C1");
        sim.StopStore(conveyor, 1200);
        long exitsBefore = recorder.Exited[conveyor.Index], entriesBefore = recorder.Entered[conveyor.Index];
        sim.RunUntil(11_199.9);

        Assert.Equal(exitsBefore, recorder.Exited[conveyor.Index]);
        Assert.Equal(entriesBefore, recorder.Entered[conveyor.Index]);
        sim.RunUntil(14_000);
        Assert.True(recorder.Exited[conveyor.Index] > exitsBefore);
    }

    [Fact]
    public void StopStore_Station_IsRefused()
    {
        var model = TestLines.Rich();
        var sim = new LineSimulation(model, TestLines.Options(86_400));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sim.StopStore(model.Find("S1"), 60));
        Assert.Contains("'S1' is not a buffer or conveyor", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.StopStore(model.Find("C1"), 0));
    }

    /// <summary>Counts every notification and checks part numbers are known when used.</summary>
    private sealed class Recorder(LineModel model) : ILineObserver
    {
        private readonly HashSet<int> _live = [];
        private readonly HashSet<int> _scrapped = [];

        public long[] Good { get; } = new long[model.ElementNames.Length];

        public long[] Scrap { get; } = new long[model.ElementNames.Length];

        public long[] Rework { get; } = new long[model.ElementNames.Length];

        public long[] Entered { get; } = new long[model.ElementNames.Length];

        public long[] Exited { get; } = new long[model.ElementNames.Length];

        public int[] Level { get; } = new int[model.ElementNames.Length];

        public Dictionary<(int, int), MachineStatus> Status { get; } = [];

        public long Created { get; private set; }

        public int UnknownParts { get; private set; }

        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status) => Status[(element, server)] = status;

        public void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes)
        {
            Created++;
            if (!_live.Add(part))
            {
                UnknownParts++;
            }
        }

        public void OnPartEntered(double time, int element, int part)
        {
            Check(part);
            Entered[element]++;
            if (model.GetKind(new ElementId(element)) == ElementKind.Sink)
            {
                _live.Remove(part);
            }
        }

        public void OnPartExited(double time, int element, int part)
        {
            Check(part);
            Exited[element]++;
            if (_scrapped.Remove(part))
            {
                _live.Remove(part); // a scrapped part leaves the line with this exit
            }
        }

        public void OnPartCompleted(double time, int element, int part, PartOutcome outcome)
        {
            Check(part);
            switch (outcome)
            {
                case PartOutcome.Scrap:
                    Scrap[element]++;
                    _scrapped.Add(part);
                    break;
                case PartOutcome.Rework:
                    Rework[element]++;
                    break;
                default:
                    Good[element]++;
                    break;
            }
        }

        public void OnStoreLevelChanged(double time, int element, int level) => Level[element] = level;

        private void Check(int part)
        {
            if (!_live.Contains(part))
            {
                UnknownParts++;
            }
        }
    }
}
