using System.Collections.Concurrent;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Simulation.Tests.Engine;

/// <summary>Station-wide failures (<see cref="FailureScope.Station"/>): one failure process stops every machine of a station.</summary>
public sealed class LineSimulationStationFailureTests
{
    private const double Mtbf = 3600, Mttr = 600;

    private static FailureModel StationWide(Distribution tbf, Distribution ttr, FailureClock clock) => new(tbf, ttr, clock, FailureScope.Station);

    /// <summary>Saturated source → a three-machine station S → a one-machine station T → sink.</summary>
    private static LineModel ThreeServerLine(FailureModel failures, double processing = 100, ShiftCalendar? shifts = null) => TestLines.Serial(
        2,
        ("S", new StationOptions { Servers = 3, ProcessingTime = Distribution.Exponential(processing), Failures = failures, Calendar = shifts }),
        ("T", new StationOptions { ProcessingTime = Distribution.Exponential(processing / 4) }));

    [Fact]
    public void Run_ThreeServerStationWideFailure_EveryFailureTakesAllMachinesDownAndUpTogether()
    {
        var model = ThreeServerLine(StationWide(Distribution.Exponential(Mtbf), Distribution.Exponential(Mttr), FailureClock.Calendar));
        var watcher = new DownWatcher(model.Find("S").Index, servers: 3);
        var sim = new LineSimulation(model, TestLines.Options(50 * Mtbf)) { Observer = watcher };
        sim.Reset(0);
        sim.Run();

        Assert.InRange(watcher.Down[0].Count, 20, 80); // about 50 · 3600 / 4200 ≈ 43 failures
        Assert.Equal(watcher.Down[0], watcher.Down[1]);
        Assert.Equal(watcher.Down[0], watcher.Down[2]);
        Assert.Equal(watcher.Up[0], watcher.Up[1]);
        Assert.Equal(watcher.Up[0], watcher.Up[2]);
    }

    [Fact]
    public void Run_LongRunWithStationWideCalendarFailure_FailsAtTheModelsRateAndAvailabilityMatches()
    {
        // A renewal process of up times Exp(MTBF) and repairs Exp(MTTR), over T = 1000 cycles: the failure count has
        // mean T / (MTBF + MTTR) and standard deviation √(T (MTBF² + MTTR²) / (MTBF + MTTR)³) (renewal CLT); the down
        // fraction MTTR / (MTBF + MTTR) with standard error √((1 − p)² MTTR² + p² MTBF²) / ((MTBF + MTTR) √n).
        const double cycle = Mtbf + Mttr, horizon = 1000 * cycle;
        var model = ThreeServerLine(StationWide(Distribution.Exponential(Mtbf), Distribution.Exponential(Mttr), FailureClock.Calendar));
        var watcher = new DownWatcher(model.Find("S").Index, servers: 3);
        var sim = new LineSimulation(model, TestLines.Options(horizon)) { Observer = watcher };
        sim.Reset(0);
        sim.Run();
        var s = sim.GetResult().Station("S");

        double expected = horizon / cycle;
        double countSd = Math.Sqrt(horizon * ((Mtbf * Mtbf) + (Mttr * Mttr)) / (cycle * cycle * cycle));
        int failures = watcher.Down.Select(d => d.Count).Distinct().Single();
        double p = Mttr / cycle;
        double fractionSe = Math.Sqrt((((1 - p) * Mttr) * ((1 - p) * Mttr)) + ((p * Mtbf) * (p * Mtbf))) / (cycle * Math.Sqrt(expected));
        Assert.InRange(failures, expected - (4 * countSd), expected + (4 * countSd)); // 1000 ± 110, far from 3000
        Assert.Equal(p, s.Down, 4 * fractionSe);
        Assert.Equal(1 - p, s.Availability, 4 * fractionSe);
    }

    [Fact]
    public void Run_StationWideOperatingFailure_ClockRunsOnShiftWhileIdleAndStopsOffShift()
    {
        // On shift 0–1 h of every 2 h, never a part (the first arrival is far beyond the run). Time to failure 5000 s of
        // shift time: 3600 s in the first hour, 1400 s into the second shift → down at 8600 s; repaired at 8700 s, then
        // 2100 s to the shift end and 2900 s into the next shift (from 14 400 s) → down at 17 300 s.
        var shifts = ShiftCalendar.Periodic(7200, [new TimeInterval(3600, 7200)]);
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { InterArrivalTime = Distribution.Constant(1e9) });
        var s = b.AddStation("S", new StationOptions
        {
            Servers = 3,
            ProcessingTime = Distribution.Constant(10),
            Failures = StationWide(Distribution.Constant(5000), Distribution.Constant(100), FailureClock.Operating),
            Calendar = shifts,
        });
        b.Chain(src, s, b.AddSink("out"));
        var model = b.Build();
        var watcher = new DownWatcher(s.Index, servers: 3);
        var sim = new LineSimulation(model, TestLines.Options(20_000)) { Observer = watcher };
        sim.Reset(0);
        sim.Run();

        Assert.Equal([8600.0, 17_300.0], watcher.Down[0]);
        Assert.Equal([8700.0, 17_400.0], watcher.Up[0]);
        Assert.Equal(watcher.Down[0], watcher.Down[2]);
    }

    [Fact]
    public void Run_StationWideFailure_EveryPartInProcessingStandsStillForTheRepair()
    {
        // Three 110 s machines fed at once from a saturated source; the station fails at 1000 s for 20 s (and next at
        // 2020 s). The three parts started at 990 s all stop at 1000 s, stand still for 20 s and end at 1120 s; the next
        // three run 1120–1230 s without a stop.
        var inspector = new Inspector();
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var rework = b.AddBuffer("RW", LineBuilder.Unbounded);
        var s = b.AddStation("S", new StationOptions
        {
            Servers = 3,
            ProcessingTime = Distribution.Constant(110),
            ReworkTarget = rework,
            Inspector = inspector,
            Failures = StationWide(Distribution.Constant(1000), Distribution.Constant(20), FailureClock.Calendar),
        });
        var sink = b.AddSink("out");
        b.Chain(src, s, sink);
        b.Chain(rework, sink);
        var sim = new LineSimulation(b.Build(), TestLines.Options(1231));
        sim.Run();

        var seen = inspector.Seen.Where(i => i.WorkStart >= 990).OrderBy(i => i.Time).ThenBy(i => i.Server).Select(i => (i.Server, i.WorkStart, i.Time, i.FirstStop, i.StoppedTime)).ToArray();
        Assert.Equal(
            [(0, 990.0, 1120.0, 1000.0, 20.0), (1, 990.0, 1120.0, 1000.0, 20.0), (2, 990.0, 1120.0, 1000.0, 20.0),
             (0, 1120.0, 1230.0, double.NaN, 0.0), (1, 1120.0, 1230.0, double.NaN, 0.0), (2, 1120.0, 1230.0, double.NaN, 0.0)],
            seen);
    }

    public static TheoryData<FailureClock, double, bool> Resumes => new()
    {
        { FailureClock.Calendar, 5000.3, true }, // failures at 1000, 2300, 3600, 4900 s, each repaired 300 s later
        { FailureClock.Calendar, 5800.3, false },
        { FailureClock.Operating, 5300.3, true }, // failures at 1000, 2300, 3900, 5200 s (off shift 3000–3300 s of every hour)
        { FailureClock.Operating, 10_300.3, false }, // off shift and up (failures at 6500, 7900, 9200 s): the clock paused
    };

    [Theory]
    [MemberData(nameof(Resumes))]
    public void CaptureSnapshot_StationWideFailureResumed_SameFutureExactly(FailureClock clock, double t0, bool down)
    {
        var shifts = ShiftCalendar.Periodic(3600, [new TimeInterval(3000, 3300)]);
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var s = b.AddStation("S", new StationOptions
        {
            Servers = 3,
            ProcessingTime = Distribution.Constant(250),
            Failures = StationWide(Distribution.Constant(1000), Distribution.Constant(300), clock),
            Calendar = shifts,
        });
        var buf = b.AddBuffer("B", 2);
        var t = b.AddStation("T", new StationOptions { ProcessingTime = Distribution.Constant(90) });
        b.Chain(src, s, buf, t, b.AddSink("out"));
        var model = b.Build();
        const double end = 30_000;

        var (snapshot, uninterrupted, resumed) = TestLines.RunAndResume(model, t0, end);

        var machines = snapshot.Elements.Single(e => e.Name == "S").Machines;
        Assert.Equal(3, machines.Length);
        Assert.All(machines, m => Assert.Equal(down, m.Status == MachineStatus.Down));
        Assert.All(machines, m => Assert.Equal(down, !double.IsNaN(m.RemainingRepair)));
        Assert.All(machines, m => Assert.Equal(down, double.IsNaN(m.RemainingTimeToFailure)));
        TestLines.AssertSameFuture(uninterrupted, resumed);
    }

    [Fact]
    public void Reset_SnapshotWithOneMachineDown_WholeStationDownUntilItsRepair()
    {
        // A live snapshot that reports only one server of a station-wide failing station down: all three are down
        // until the repair it gives, then take parts again.
        var model = ThreeServerLine(StationWide(Distribution.Exponential(1e9), Distribution.Exponential(100), FailureClock.Calendar), processing: 10);
        var snapshot = new LineSnapshot(1000, [new ElementSnapshot
        {
            Name = "S",
            Machines = [new MachineSnapshot { Status = MachineStatus.Down, TimeInStatus = 30, RemainingRepair = 500 }],
        }]);
        var sim = new LineSimulation(model, TestLines.Options(end: 2000), start: snapshot);
        var station = model.Find("S");

        Assert.All(Enumerable.Range(0, 3), k => Assert.Equal(MachineStatus.Down, sim.GetMachineStatus(station, k)));
        sim.RunUntil(1499.9);
        Assert.Equal(0, sim.GetResult().Station("S").Processed);
        Assert.All(Enumerable.Range(0, 3), k => Assert.Equal(MachineStatus.Down, sim.GetMachineStatus(station, k)));
        sim.Run();
        Assert.True(sim.GetResult().Station("S").Processed > 0);
    }

    [Fact]
    public void Run_OneMachineStationWideCalendarFailures_SameRunAsPerMachineFailures()
    {
        // One machine: the station's process uses that machine's streams, so the run is the per-machine one.
        static LineModel Line(FailureScope scope) => TestLines.Serial(
            2,
            ("A", new StationOptions { ProcessingTime = Distribution.LogNormal(60, 0.3), Failures = new(Distribution.Exponential(1800), Distribution.Exponential(240), FailureClock.Calendar, scope) }),
            ("B", new StationOptions { ProcessingTime = Distribution.Exponential(55), Failures = new(Distribution.Exponential(2500), Distribution.LogNormal(300, 0.5), FailureClock.Calendar, scope) }),
            ("C", new StationOptions { ProcessingTime = Distribution.Constant(58) }));
        var machine = new LineSimulation(Line(FailureScope.Machine), TestLines.Options(3 * 86_400, 3600));
        var station = new LineSimulation(Line(FailureScope.Station), TestLines.Options(3 * 86_400, 3600));
        machine.Run();
        station.Run();

        Assert.Equal(TestLines.Figures(machine.GetResult()), TestLines.Figures(station.GetResult()));
    }

    /// <summary>Records, per server of one station, when it went down and when it came back up.</summary>
    private sealed class DownWatcher(int station, int servers) : ILineObserver
    {
        private readonly bool[] _down = new bool[servers];

        public List<double>[] Down { get; } = [.. Enumerable.Range(0, servers).Select(_ => new List<double>())];

        public List<double>[] Up { get; } = [.. Enumerable.Range(0, servers).Select(_ => new List<double>())];

        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status)
        {
            if (element != station || (status == MachineStatus.Down) == _down[server])
            {
                return;
            }

            _down[server] = status == MachineStatus.Down;
            (_down[server] ? Down : Up)[server].Add(time);
        }

        public void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes)
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

    private sealed class Inspector : IPartInspector
    {
        public ConcurrentQueue<PartInspection> Seen { get; } = new();

        public PartOutcome Inspect(in PartInspection inspection)
        {
            Seen.Enqueue(inspection);
            return PartOutcome.Good;
        }
    }
}
