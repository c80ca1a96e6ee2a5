using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests.Engine;

/// <summary>
/// Pins the engine's exact behaviour: for seeded runs of several lines, a SHA-256 of every result field (doubles
/// written round-trip exact), of every snapshot taken along the way and of every observer callback with its arguments
/// (times as bit patterns). The hashes were computed on the engine before its event-loop optimizations; any change
/// of behaviour, however small (one ulp of one statistic, one callback in another order), fails here. A deliberate
/// behaviour change updates the hashes in the same commit and says why.
/// </summary>
public sealed class LineSimulationGoldenTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = false,
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "reference", "F313589DE56C3EA5" },
        { "reference-no-bottlenecks", "8E41623B7F705532" },
        { "reference-observed", "117BA9CF9529465B" },
        { "reference-replication-runner", "2AF47C92C27CB529" },
        { "rich", "D649CA4105334278" },
        { "rich-observed", "1561E6850CA9E6DD" },
        { "mixed", "CA6A270B6F0855D9" },
        { "mixed-observed", "AF5D139C7F57DB16" },
        { "mixed-warm-start", "2382334AC1519269" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_SeededLine_BitIdenticalToThePinnedRun(string name, string expected)
    {
        string actual = Digest(name);

        Assert.True(expected == actual, $"case '{name}': expected {expected}, got {actual}");
    }

    private static string Digest(string name)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        switch (name)
        {
            case "reference":
                RunReplications(hash, ReferenceLines.TenStationWithFailures(), Options(5 * 86_400, 3600, 7, wip: 3600), observed: false);
                break;
            case "reference-no-bottlenecks":
                RunReplications(hash, ReferenceLines.TenStationWithFailures(), Options(5 * 86_400, 3600, 7) with { TrackBottlenecks = false }, observed: false);
                break;
            case "reference-observed":
                RunReplications(hash, ReferenceLines.TenStationWithFailures(), Options(86_400, 3600, 11), observed: true);
                break;
            case "reference-replication-runner":
                foreach (var r in ReplicationRunner.Run(ReferenceLines.TenStationWithFailures(), Options(3 * 86_400, 0, 1), 6, maxDegreeOfParallelism: 2).Results)
                {
                    Add(hash, r);
                }

                break;
            case "rich":
                RunReplications(hash, TestLines.Rich(), Options(3 * 86_400, 3600, 42, wip: 1800), observed: false);
                break;
            case "rich-observed":
                RunReplications(hash, TestLines.Rich(), Options(2 * 86_400, 3600, 42), observed: true);
                break;
            case "mixed":
                RunMixed(hash, observed: false);
                break;
            case "mixed-observed":
                RunMixed(hash, observed: true);
                break;
            default:
                RunWarmStart(hash);
                break;
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static SimulationOptions Options(double end, double warmUp, ulong seed, double wip = 0) =>
        new() { Seed = seed, EndTime = end, WarmUpTime = warmUp, WipSampleInterval = wip };

    /// <summary>Three replications on one reused instance, each run in steps with a snapshot at every step.</summary>
    private static void RunReplications(IncrementalHash hash, LineModel model, SimulationOptions options, bool observed)
    {
        var sim = new LineSimulation(model, options);
        for (int r = 0; r < 3; r++)
        {
            if (observed)
            {
                sim.Observer = new HashingObserver(hash);
            }

            sim.Reset(r);
            for (double t = options.EndTime / 4; t < options.EndTime; t += options.EndTime / 4)
            {
                sim.RunUntil(t);
                Add(hash, sim.CaptureSnapshot());
                Add(hash, sim.GetResult());
            }

            sim.Run();
            Add(hash, sim.GetResult());
        }
    }

    /// <summary>
    /// A line with every feature the event loop has a path for: a paced source with an attribute mix, routing by
    /// fraction, multi-server stations with setups, operating- and calendar-clock failures, scrap, rework through an
    /// inspector, a shift calendar, a conveyor with transit time that is stopped now and then, and an unbounded buffer.
    /// </summary>
    private static LineModel Mixed()
    {
        var shifts = ShiftCalendar.Periodic(12 * 3600, [new TimeInterval(10 * 3600, 11 * 3600)]);
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { InterArrivalTime = Distribution.Exponential(55), AttributeMixes = [[0.7, 0.3], [0.2, 0.5, 0.3]] });
        var queue = b.AddBuffer("Q", LineBuilder.Unbounded);
        var splitter = b.AddBuffer("Split", 3);
        var a = b.AddStation("A", new StationOptions
        {
            Servers = 2,
            ProcessingTime = Distribution.LogNormal(90, 0.4),
            Failures = new FailureModel(Distribution.Exponential(4000), Distribution.Exponential(250)),
            Setup = new SetupOptions { Attribute = 1, DefaultTime = 15 },
        });
        var c = b.AddStation("C", new StationOptions
        {
            ProcessingTime = Distribution.Triangular(30, 45, 70),
            Failures = new FailureModel(Distribution.Exponential(3000), Distribution.Exponential(180), FailureClock.Calendar),
            Calendar = shifts,
        });
        var conveyor = b.AddConveyor("Belt", 5, 30);
        var rework = b.AddBuffer("RW", 3);
        var inspect = b.AddStation("Inspect", new StationOptions
        {
            Servers = 3,
            ProcessingTime = Distribution.Uniform(60, 120),
            ProcessingTimeByVariant = [Distribution.Uniform(60, 100), Distribution.Normal(110, 20)],
            Failures = new FailureModel(Distribution.Exponential(6000), Distribution.LogNormal(200, 0.6)),
            ScrapProbability = 0.02,
            ReworkProbability = 0.04,
            ReworkTarget = rework,
            Inspector = new StopInspector(),
            Calendar = shifts,
        });
        var last = b.AddStation("Last", new StationOptions { ProcessingTime = Distribution.Constant(40) });
        var sink = b.AddSink("out");
        b.Chain(src, queue, splitter);
        b.SplitByFraction(splitter, [(a, 0.6), (c, 0.4)]);
        b.Connect(a, conveyor).Connect(c, conveyor);
        b.Connect(conveyor, inspect).Connect(rework, inspect);
        b.Connect(inspect, last).Connect(last, sink);
        return b.Build();
    }

    private static void RunMixed(IncrementalHash hash, bool observed)
    {
        var model = Mixed();
        var options = Options(2 * 86_400, 1800, 5, wip: 900);
        var sim = new LineSimulation(model, options);
        var belt = model.Find("Belt");
        for (int r = 0; r < 3; r++)
        {
            if (observed)
            {
                sim.Observer = new HashingObserver(hash);
            }

            sim.Reset(r);
            for (double t = 3000; t < options.EndTime; t += 7000)
            {
                sim.RunUntil(t);
                sim.StopStore(belt, 120 + (r * 60));
                Add(hash, sim.CaptureSnapshot());
            }

            sim.Run();
            Add(hash, sim.GetResult());
        }
    }

    private static void RunWarmStart(IncrementalHash hash)
    {
        var model = Mixed();
        var first = new LineSimulation(model, Options(86_400, 0, 9));
        first.RunUntil(40_000);
        var snapshot = first.CaptureSnapshot();
        Add(hash, snapshot);
        var options = Options(40_000 + 86_400, 40_000 + 3600, 9, wip: 600);
        var warm = new LineSimulation(model, options, 1, snapshot);
        warm.Run();
        Add(hash, warm.GetResult());
        warm.Reset(2, snapshot);
        warm.Run();
        Add(hash, warm.GetResult());
        foreach (var r in ReplicationRunner.Run(model, options, 4, 1, snapshot).Results)
        {
            Add(hash, r);
        }
    }

    private static void Add(IncrementalHash hash, object value) =>
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, value.GetType(), Json)));

    /// <summary>Scraps a part that stood still during processing and sends one that took long to rework.</summary>
    private sealed class StopInspector : IPartInspector
    {
        public PartOutcome Inspect(in PartInspection inspection) =>
            inspection.StoppedTime > 300 ? PartOutcome.Scrap
            : inspection.Time - inspection.WorkStart > 130 ? PartOutcome.Rework
            : PartOutcome.Good;
    }

    /// <summary>Hashes every callback and its arguments in order.</summary>
    private sealed class HashingObserver(IncrementalHash hash) : ILineObserver
    {
        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status) => Add(1, time, element, server, (int)status);

        public void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes)
        {
            Add(2, time, source, part, attributes.Length);
            foreach (int a in attributes)
            {
                Add(3, 0, a, 0, 0);
            }
        }

        public void OnPartEntered(double time, int element, int part) => Add(4, time, element, part, 0);

        public void OnPartExited(double time, int element, int part) => Add(5, time, element, part, 0);

        public void OnPartCompleted(double time, int element, int part, PartOutcome outcome) => Add(6, time, element, part, (int)outcome);

        public void OnStoreLevelChanged(double time, int element, int level) => Add(7, time, element, level, 0);

        private void Add(int kind, double time, int a, int b, int c)
        {
            Span<byte> bytes = stackalloc byte[24];
            BitConverter.TryWriteBytes(bytes, kind);
            BitConverter.TryWriteBytes(bytes[4..], BitConverter.DoubleToInt64Bits(time));
            BitConverter.TryWriteBytes(bytes[12..], a);
            BitConverter.TryWriteBytes(bytes[16..], b);
            BitConverter.TryWriteBytes(bytes[20..], c);
            hash.AppendData(bytes);
        }
    }
}
