using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Snapshots;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class PlantSnapshotTests
{
    private const double ShiftStart = 8 * 3600; // Monday 14:00 (simulation time 0 is Monday 06:00)
    private const double Midshift = 12 * 3600; // Monday 18:00
    private const double ShiftEnd = 16 * 3600; // Monday 22:00
    private static readonly DateOnly s_week = new(2026, 6, 1);
    private static readonly Lazy<PlantSimulation> s_plant = new(() => PlantSimulationBuilder.Build(TestPlants.Automotive));

    private static PlantSimulation Plant => s_plant.Value;

    [Fact]
    public void CaptureSnapshot_MidShift_RoundTripsToTheEngineSnapshot()
    {
        var run = RunTo(Midshift, seed: 7, out var atShiftStart);
        var engine = run.CaptureSnapshot();

        var snapshot = Plant.CaptureSnapshot(run, Plant.InstantOf(Midshift, s_week), atShiftStart);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 18, 0, 0, TimeSpan.FromHours(2)), snapshot.Instant);
        Assert.NotEmpty(snapshot.Stations);
        Assert.NotEmpty(snapshot.Stores);
        AssertEquivalent(engine, Plant.ToEngineSnapshot(snapshot));
    }

    [Fact]
    public void ToEngineSnapshot_RestoredAndCapturedAgain_GivesTheSameState()
    {
        var run = RunTo(Midshift, seed: 8, out var atShiftStart);
        var snapshot = Plant.CaptureSnapshot(run, Plant.InstantOf(Midshift, s_week), atShiftStart);
        var engine = Plant.ToEngineSnapshot(snapshot);

        var resumed = new LineSimulation(Plant.Model, new SimulationOptions { Seed = 99, EndTime = ShiftEnd }, 3, engine);
        var again = Plant.CaptureSnapshot(resumed, snapshot.Instant);

        AssertEquivalent(engine, Plant.ToEngineSnapshot(again));
        Assert.Equal(snapshot.Stations.Sum(s => s.Servers.Count(m => m.Part is not null)), again.Stations.Sum(s => s.Servers.Count(m => m.Part is not null)));
    }

    [Fact]
    public void CaptureSnapshot_WithShiftStartResult_CountsThisShiftsOutputPerLine()
    {
        var run = RunTo(Midshift, seed: 9, out var atShiftStart);
        var now = run.GetResult();

        var snapshot = Plant.CaptureSnapshot(run, Plant.InstantOf(Midshift, s_week), atShiftStart);

        var assembly = snapshot.Lines.Single(l => l.Line == new LineId("assembly"));
        long expected = now.Station("eol-test").Good - atShiftStart.Station("eol-test").Good;
        Assert.Equal(expected, assembly.Good);
        Assert.InRange(assembly.Good, 150, 260); // about 60 jobs/h over 4 h less breaks
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CreateRun_FromMidShiftSnapshot_RestOfShiftMatchesTheUninterruptedRun(bool observableOnly)
    {
        // Paired comparison: replication r runs uninterrupted to the shift end; its snapshot at mid-shift is resumed on
        // other random streams. The mean difference of the rest-of-shift output must be 0 within its 95 % interval.
        const int replications = 40;
        var differences = new double[replications];
        var uninterrupted = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            var run = RunTo(Midshift, seed: 500 + (ulong)r, out var atShiftStart);
            var snapshot = Plant.CaptureSnapshot(run, Plant.InstantOf(Midshift, s_week), atShiftStart);
            if (observableOnly)
            {
                snapshot = ObservableOnly(snapshot);
            }

            long before = run.GoodCount(Plant.ElementOf(new AssetId("eol-test")));
            run.RunUntil(ShiftEnd);
            uninterrupted[r] = run.GoodCount(Plant.ElementOf(new AssetId("eol-test"))) - before;

            var resumed = Plant.CreateRun(snapshot, seed: 77, replication: r, until: Plant.InstantOf(ShiftEnd, s_week));
            resumed.Run();
            differences[r] = resumed.GetResult().Station("eol-test").Good - uninterrupted[r];
        }

        var difference = Estimate.From(differences);
        TestContext.Current.TestOutputHelper?.WriteLine($"resumed − uninterrupted = {difference}; uninterrupted {Estimate.From(uninterrupted)}");
        Assert.True(difference.Contains(0), $"resumed − uninterrupted = {difference}; uninterrupted {Estimate.From(uninterrupted)}");
        Assert.True(Estimate.From(uninterrupted).Mean > 150, "the rest of the shift produces");
    }

    [Fact]
    public void GoodCount_MidShift_EqualsTheResultsGoodPerStation()
    {
        var run = RunTo(Midshift, seed: 11, out _);

        var result = run.GetResult();

        foreach (var station in result.Stations)
        {
            Assert.Equal(station.Good, run.GoodCount(Plant.Model.Find(station.Name)));
        }

        Assert.Throws<ArgumentException>(() => run.GoodCount(Plant.ElementOf(new AssetId("pbs"))));
    }

    [Fact]
    public void ShiftAround_DuringLateShift_ReturnsItsStartAndEnd()
    {
        var instant = new DateTimeOffset(2026, 6, 3, 18, 30, 0, TimeSpan.FromHours(2));

        var (start, end) = Plant.ShiftAround(instant);

        Assert.Equal(new DateTimeOffset(2026, 6, 3, 14, 0, 0, TimeSpan.FromHours(2)), start);
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 22, 0, 0, TimeSpan.FromHours(2)), end);
    }

    [Fact]
    public void ShiftAround_InstantWithAFractionOfATick_ReturnsTheExactBoundaries()
    {
        // A plant clock scaled from the wall clock stands at any tick: the boundaries are still the calendar's, exactly.
        var instant = new DateTimeOffset(2026, 6, 3, 18, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var (start, end) = Plant.ShiftAround(instant);

        Assert.Equal(new DateTimeOffset(2026, 6, 3, 14, 0, 0, TimeSpan.FromHours(2)).Ticks, start.Ticks);
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 22, 0, 0, TimeSpan.FromHours(2)).Ticks, end.Ticks);
    }

    [Fact]
    public void ShiftAround_FridayNight_ReturnsMondaysEarlyShift()
    {
        var instant = new DateTimeOffset(2026, 6, 5, 23, 0, 0, TimeSpan.FromHours(2));

        var (start, end) = Plant.ShiftAround(instant);

        Assert.Equal(new DateTimeOffset(2026, 6, 8, 6, 0, 0, TimeSpan.FromHours(2)), start);
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 14, 0, 0, TimeSpan.FromHours(2)), end);
    }

    [Fact]
    public void SimulationTimeOf_InstantOfATime_ReturnsThatTime()
    {
        var instant = Plant.InstantOf(Midshift + 123.5, s_week);

        Assert.Equal(Midshift + 123.5, Plant.SimulationTimeOf(instant), 6);
        Assert.Equal(Midshift + 123.5, Plant.SimulationTimeOf(instant.ToUniversalTime()), 6);
    }

    [Fact]
    public void ToEngineSnapshot_UnknownTimes_StayUnknownForTheEngineToDraw()
    {
        var snapshot = new PlantSnapshot
        {
            Instant = Plant.InstantOf(Midshift, s_week),
            Stations =
            [
                new PlantSnapshotStation
                {
                    Station = new AssetId("respot"),
                    Servers =
                    [
                        new PlantSnapshotServer { State = StationState.Working, TimeInState = TimeSpan.FromSeconds(40), Part = new PlantSnapshotPart { Variant = new VariantId("suv"), Colour = new ColourId("red") } },
                        new PlantSnapshotServer { State = StationState.Down, TimeInState = TimeSpan.FromMinutes(3) },
                    ],
                },
            ],
            Stores = [new PlantSnapshotStore { Store = new AssetId("respot-conveyor"), Parts = [new PlantSnapshotStoredPart { Part = new PlantSnapshotPart() }, new PlantSnapshotStoredPart { Part = new PlantSnapshotPart() }] }],
        };

        var engine = Plant.ToEngineSnapshot(snapshot);

        var respot = engine.Elements.Single(e => e.Name == "respot");
        Assert.True(double.IsNaN(respot.Machines[0].RemainingWork));
        Assert.Equal(1, respot.Machines[0].Part!.Variant);
        Assert.Equal(5, respot.Machines[0].Part!.Attribute(PlantPartAttributes.Colour));
        Assert.True(double.IsNaN(respot.Machines[1].RemainingRepair));
        Assert.Equal(MachineStatus.Down, respot.Machines[1].Status);
        var conveyor = engine.Elements.Single(e => e.Name == "respot-conveyor");
        Assert.Equal([0, 90], conveyor.Parts.Select(p => p.RemainingTransit)); // 36 m at 12 m/min = 180 s, spread evenly

        var sim = new LineSimulation(Plant.Model, new SimulationOptions { EndTime = ShiftEnd }, 0, engine);
        var restored = sim.CaptureSnapshot().Elements.Single(e => e.Name == "respot");
        Assert.True(restored.Machines[0].RemainingWork > 0);
        Assert.True(restored.Machines[1].RemainingRepair > 0);
    }

    [Fact]
    public void ToEngineSnapshot_WorkingServerWithoutPart_HoldsATypicalPart()
    {
        var snapshot = new PlantSnapshot
        {
            Instant = Plant.InstantOf(Midshift, s_week),
            Stations = [new PlantSnapshotStation { Station = new AssetId("trim"), Servers = [new PlantSnapshotServer { State = StationState.Working }, new PlantSnapshotServer { State = StationState.Starved }] }],
        };

        var machines = Plant.ToEngineSnapshot(snapshot).Elements.Single(e => e.Name == "trim").Machines;

        Assert.Equal(0, machines[0].Part!.Variant); // sedan, mix 0.6
        Assert.Equal(0, machines[0].Part!.Attribute(PlantPartAttributes.Colour)); // white, mix 0.22
        Assert.Null(machines[1].Part);
    }

    [Fact]
    public void ToEngineSnapshot_UnknownStation_ThrowsNamingIt()
    {
        var snapshot = new PlantSnapshot { Instant = Plant.InstantOf(Midshift, s_week), Stations = [new PlantSnapshotStation { Station = new AssetId("welder-9") }] };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("'welder-9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEngineSnapshot_BufferGivenAsStation_ThrowsNamingIt()
    {
        var snapshot = new PlantSnapshot { Instant = Plant.InstantOf(Midshift, s_week), Stations = [new PlantSnapshotStation { Station = new AssetId("pbs") }] };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("'pbs'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEngineSnapshot_MoreServersThanTheStationHas_ThrowsNamingIt()
    {
        var snapshot = new PlantSnapshot
        {
            Instant = Plant.InstantOf(Midshift, s_week),
            Stations = [new PlantSnapshotStation { Station = new AssetId("basecoat"), Servers = [new PlantSnapshotServer(), new PlantSnapshotServer()] }],
        };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("'basecoat' 2 servers; it has 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEngineSnapshot_MorePartsThanTheBufferHolds_ThrowsNamingIt()
    {
        var parts = Enumerable.Repeat(new PlantSnapshotStoredPart { Part = new PlantSnapshotPart() }, 4).ToImmutableArray();
        var snapshot = new PlantSnapshot { Instant = Plant.InstantOf(Midshift, s_week), Stores = [new PlantSnapshotStore { Store = new AssetId("framing-suv-infeed"), Parts = parts }] };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("4 parts on 'framing-suv-infeed'; it holds 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEngineSnapshot_UnknownColour_ThrowsNamingIt()
    {
        var part = new PlantSnapshotPart { Colour = new ColourId("pink") };
        var snapshot = new PlantSnapshot { Instant = Plant.InstantOf(Midshift, s_week), Stores = [new PlantSnapshotStore { Store = new AssetId("pbs"), Parts = [new PlantSnapshotStoredPart { Part = part }] }] };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("colour 'pink'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEngineSnapshot_ReworkQueueAtAStationNobodySendsReworkTo_Throws()
    {
        var snapshot = new PlantSnapshot
        {
            Instant = Plant.InstantOf(Midshift, s_week),
            Stations = [new PlantSnapshotStation { Station = new AssetId("trim"), ReworkQueue = [new PlantSnapshotPart()] }],
        };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("rework queue at 'trim'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEngineSnapshot_ReworkQueueInFrontOfABuffer_RoundTripsOnTheStore()
    {
        // The topcoat oven and paint inspection send bodies to the repaint-queue buffer; while it is full they wait on
        // the rework lane in front of it, which a snapshot carries on the store.
        var queue = new PlantSnapshotPart[] { new() { Variant = new VariantId("suv"), Colour = new ColourId("red") }, new() };
        var snapshot = new PlantSnapshot
        {
            Instant = Plant.InstantOf(Midshift, s_week),
            Stores = [new PlantSnapshotStore { Store = new AssetId("repaint-queue"), ReworkQueue = [.. queue] }],
        };

        var engine = Plant.ToEngineSnapshot(snapshot);
        var back = Plant.FromEngineSnapshot(engine, snapshot.Instant);

        var lane = Assert.Single(engine.Elements);
        Assert.Equal((PlantSimulationBuilder.ReworkQueueName(new AssetId("repaint-queue")), 2), (lane.Name, lane.Parts.Length));
        var store = Assert.Single(back.Stores);
        Assert.Equal((new AssetId("repaint-queue"), 0), (store.Store, store.Parts.Length));
        Assert.Equal([new VariantId("suv"), new VariantId("sedan")], store.ReworkQueue.Select(p => p.Variant!.Value));
        Assert.Empty(back.Stations);
    }

    [Fact]
    public void ToEngineSnapshot_UnknownLine_ThrowsNamingIt()
    {
        var snapshot = new PlantSnapshot { Instant = Plant.InstantOf(Midshift, s_week), Lines = [new PlantSnapshotLine { Line = new LineId("press"), Good = 3 }] };

        var error = Assert.Throws<ArgumentException>(() => Plant.ToEngineSnapshot(snapshot));

        Assert.Contains("line 'press'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaptureSnapshot_SimulationOfAnotherModel_Throws()
    {
        var other = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var run = new LineSimulation(other.Model, new SimulationOptions { EndTime = 10 });

        Assert.Throws<ArgumentException>(() => Plant.CaptureSnapshot(run, Plant.InstantOf(0, s_week)));
    }

    private static LineSimulation RunTo(double time, ulong seed, out ReplicationResult atShiftStart)
    {
        var run = new LineSimulation(Plant.Model, new SimulationOptions { Seed = seed, EndTime = ShiftEnd }, 0);
        run.RunUntil(ShiftStart);
        atShiftStart = run.GetResult();
        run.RunUntil(time);
        return run;
    }

    /// <summary>What a live plant knows: states, times in them and parts, but no remaining times.</summary>
    private static PlantSnapshot ObservableOnly(PlantSnapshot snapshot) => snapshot with
    {
        Stations = [.. snapshot.Stations.Select(s => s with
        {
            Servers = [.. s.Servers.Select(m => m with { RemainingWork = null, RemainingRepair = null, RemainingSetup = null, TimeToFailure = null })],
        })],
        Sources = [.. snapshot.Sources.Select(s => s with { NextReleaseIn = null })],
    };

    private static void AssertEquivalent(LineSnapshot expected, LineSnapshot actual)
    {
        Assert.Equal(expected.Time, actual.Time, 6);
        var byName = actual.Elements.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var e in expected.Elements)
        {
            bool empty = e.Parts.IsEmpty && e.HeldPart is null && double.IsNaN(e.NextArrivalIn) && e.Machines.IsEmpty;
            if (!byName.TryGetValue(e.Name, out var a))
            {
                Assert.True(empty, $"'{e.Name}' is missing");
                continue;
            }

            Assert.Equal(e.Machines.Length, a.Machines.Length);
            for (int k = 0; k < e.Machines.Length; k++)
            {
                var (x, y) = (e.Machines[k], a.Machines[k]);
                string where = $"{e.Name}[{k}]";
                Assert.True(x.Status == y.Status, where);
                Assert.True(Same(x.TimeInStatus, y.TimeInStatus), where);
                Assert.True(x.PartFinished == y.PartFinished || x.Part is null, where);
                AssertPart(x.Part, y.Part, where);
                Assert.True(Same(x.RemainingSetup, y.RemainingSetup), where + " setup");
                Assert.True(Same(x.RemainingWork, y.RemainingWork), where + " work");
                Assert.True(Same(x.RemainingRepair, y.RemainingRepair), where + " repair");
                Assert.True(Same(x.RemainingTimeToFailure, y.RemainingTimeToFailure), where + " ttf");
            }

            Assert.Equal(e.Parts.Length, a.Parts.Length);
            for (int k = 0; k < e.Parts.Length; k++)
            {
                AssertPart(e.Parts[k].Part, a.Parts[k].Part, $"{e.Name}/{k}");
                Assert.True(Same(e.Parts[k].RemainingTransit, a.Parts[k].RemainingTransit), $"{e.Name}/{k} transit");
            }

            AssertPart(e.HeldPart, a.HeldPart, e.Name);
            Assert.True(Same(e.NextArrivalIn, a.NextArrivalIn), e.Name);
        }
    }

    private static void AssertPart(PartSnapshot? x, PartSnapshot? y, string where)
    {
        Assert.True((x is null) == (y is null), where);
        if (x is not null && y is not null)
        {
            Assert.True(x.Attributes.SequenceEqual(y.Attributes) && x.Reworks == y.Reworks && Same(x.EntryTime, y.EntryTime), where);
        }
    }

    private static bool Same(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) < 1e-5;
}
