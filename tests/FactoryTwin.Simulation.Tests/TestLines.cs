using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests;

/// <summary>Lines shared by several tests.</summary>
internal static class TestLines
{
    /// <summary>Saturated source → stations with buffers of <paramref name="buffer"/> between them → sink.</summary>
    public static LineModel Serial(int buffer, params (string Name, StationOptions Options)[] stations)
    {
        var b = new LineBuilder();
        var previous = b.AddSource("in");
        for (int i = 0; i < stations.Length; i++)
        {
            if (i > 0 && buffer > 0)
            {
                var buf = b.AddBuffer($"B{i}", buffer);
                b.Connect(previous, buf);
                previous = buf;
            }

            var s = b.AddStation(stations[i].Name, stations[i].Options);
            b.Connect(previous, s);
            previous = s;
        }

        b.Connect(previous, b.AddSink("out"));
        return b.Build();
    }

    /// <summary>A line with most features: mix, setups, failures on both clocks, conveyor, scrap, rework, shifts.</summary>
    public static LineModel Rich()
    {
        var shifts = ShiftCalendar.Periodic(8 * 3600, [new TimeInterval(4 * 3600, (4 * 3600) + 1800), new TimeInterval(7.5 * 3600, 8 * 3600)]);
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { AttributeMixes = [[0.6, 0.4], [0.5, 0.3, 0.2]] });
        var s1 = b.AddStation("S1", new StationOptions
        {
            ProcessingTime = Distribution.LogNormal(50, 0.3),
            Failures = new FailureModel(Distribution.Exponential(3000), Distribution.Exponential(200)),
            Setup = new SetupOptions { Attribute = 1, DefaultTime = 20 },
            Calendar = shifts,
        });
        var conveyor = b.AddConveyor("C1", 6, 45);
        var rework = b.AddBuffer("RW", 4);
        var s2 = b.AddStation("S2", new StationOptions
        {
            Servers = 2,
            ProcessingTime = Distribution.Triangular(80, 100, 140),
            ProcessingTimeByVariant = [Distribution.Uniform(90, 110)],
            Failures = new FailureModel(Distribution.Exponential(5000), Distribution.LogNormal(300, 0.5), FailureClock.Calendar),
            ScrapProbability = 0.03,
            ReworkProbability = 0.05,
            ReworkTarget = rework,
            Calendar = shifts,
        });
        var split = b.AddBuffer("B2", 4);
        var s3a = b.AddStation("S3a", new StationOptions { ProcessingTime = Distribution.Normal(90, 15) });
        var s3b = b.AddStation("S3b", new StationOptions { ProcessingTime = Distribution.Empirical([70, 80, 95, 120]) });
        var sink = b.AddSink("out");
        b.Chain(src, s1, conveyor, s2, split);
        b.Connect(rework, s2);
        b.SplitByVariant(split, [s3a, s3b]);
        b.Connect(s3a, sink).Connect(s3b, sink);
        return b.Build();
    }

    /// <summary>Flattens a result's figures for bit-exact comparison.</summary>
    public static List<double> Figures(FactoryTwin.Simulation.Statistics.ReplicationResult r)
    {
        var f = new List<double>
        {
            r.Output, r.ThroughputPerHour, r.LeadTime.Mean, r.LeadTime.P50, r.LeadTime.P90, r.LeadTime.P99,
            r.MeanWip, r.PartsEntered, r.PartsExited, r.PartsScrapped, r.FinalWip, r.EventCount,
        };
        foreach (var s in r.Stations)
        {
            f.AddRange([s.Working, s.SettingUp, s.Blocked, s.Starved, s.Down, s.OffShift, s.Processed, s.Oee, s.SoleBottleneck, s.ShiftingBottleneck]);
        }

        foreach (var b in r.Buffers)
        {
            f.Add(b.MeanLevel);
            f.AddRange(b.LevelFractions);
        }

        f.AddRange(r.WipSeries);
        return f;
    }

    /// <summary>
    /// Runs <paramref name="model"/> to <paramref name="end"/> once without a stop (its statistics start at
    /// <paramref name="t0"/>), and once resumed from the snapshot taken at <paramref name="t0"/> with other random
    /// streams; a deterministic line has the same future either way. Returns the snapshot and both results.
    /// </summary>
    public static (LineSnapshot Snapshot, ReplicationResult Uninterrupted, ReplicationResult Resumed) RunAndResume(LineModel model, double t0, double end)
    {
        var uninterrupted = new LineSimulation(model, Options(end, warmUp: t0));
        uninterrupted.RunUntil(t0);
        var snapshot = uninterrupted.CaptureSnapshot();
        uninterrupted.Run();
        var resumed = new LineSimulation(model, Options(end), replication: 7, start: snapshot);
        resumed.Run();
        return (snapshot, uninterrupted.GetResult(), resumed.GetResult());
    }

    /// <summary>Asserts that two runs produced the same output, lead time and per-station times.</summary>
    public static void AssertSameFuture(ReplicationResult a, ReplicationResult c)
    {
        Assert.Equal(a.Output, c.Output);
        Assert.Equal(a.LeadTime.Mean, c.LeadTime.Mean, 9);
        Assert.Equal(a.MeanWip, c.MeanWip, 9);
        for (int i = 0; i < a.Stations.Length; i++)
        {
            Assert.Equal(a.Stations[i].Processed, c.Stations[i].Processed);
            Assert.Equal(a.Stations[i].Working, c.Stations[i].Working, 9);
            Assert.Equal(a.Stations[i].Down, c.Stations[i].Down, 9);
            Assert.Equal(a.Stations[i].Blocked, c.Stations[i].Blocked, 9);
        }
    }

    public static SimulationOptions Options(double end, double warmUp = 0, ulong seed = 42) =>
        new() { Seed = seed, EndTime = end, WarmUpTime = warmUp };
}
