using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class PlantSimulationBuilderTests
{
    [Fact]
    public void Build_TwoStations_SameThroughputAsHandBuiltLine()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Load("two-stations.yaml"));
        var b = new LineBuilder();
        var arrivals = b.AddSource("arrivals", new SourceOptions { InterArrivalTime = Distribution.Exponential(60) });
        var a = b.AddStation("station-a", new StationOptions { ProcessingTime = Distribution.Exponential(50) });
        var s2 = b.AddStation("station-b", new StationOptions
        {
            ProcessingTime = Distribution.Exponential(55),
            Failures = new FailureModel(Distribution.Exponential(8 * 3600), Distribution.LogNormal(600, 0.5), FailureClock.Operating),
        });
        var buffer = b.AddBuffer("buffer-ab", 5);
        var done = b.AddSink("done");
        b.Chain(arrivals, a, buffer, s2, done);
        var options = new SimulationOptions { Seed = 7, WarmUpTime = 3600, EndTime = 9 * 3600 };

        var expected = ReplicationRunner.Run(b.Build(), options, replications: 4, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        var actual = plant.Run(new PlantRunOptions { Seed = 7, WarmUp = 3600, Duration = 8 * 3600, Replications = 4 }, cancellationToken: TestContext.Current.CancellationToken);

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected.Results[i].ThroughputPerHour, actual.Results[i].ThroughputPerHour);
            Assert.Equal(expected.Results[i].EventCount, actual.Results[i].EventCount);
        }

        Assert.Equal(expected.ThroughputPerHour.Mean, actual.ThroughputPerHour.Mean);
        Assert.Equal(expected.ThroughputPerHour.Mean, actual.Line(new LineId("line1")).ThroughputPerHour.Mean, 12);
    }

    [Fact]
    public void Build_TwoStations_AroundTheClockHasNoCalendarAndStartsMondayMidnight()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Load("two-stations.yaml"));

        Assert.Null(plant.Line(new LineId("line1")).Calendar);
        Assert.Equal(0, plant.StartWeekTime);
        Assert.Equal([new AssetId("station-b")], plant.Line(new LineId("line1")).ExitStations);
        Assert.Empty(plant.Approximations);
    }

    [Fact]
    public void Build_Automotive_MapsEveryElementAndStartsMondaySixAm()
    {
        var model = TestPlants.Automotive;
        var plant = PlantSimulationBuilder.Build(model);

        Assert.Equal(6 * 3600, plant.StartWeekTime);
        foreach (var e in model.Elements())
        {
            Assert.Equal(e.Id.Value, plant.Model.ElementNames[plant.ElementOf(e.Id).Index]);
        }

        // Plus one unbounded queue in front of each rework target, so that rework loops cannot deadlock.
        Assert.Equal(model.Elements().Count() + 3, plant.Model.ElementNames.Length);
        Assert.Equal(ElementKind.Buffer, plant.Model.GetKind(plant.Model.Find("spot-repair/rework")));
        Assert.Equal(ElementKind.Buffer, plant.Model.GetKind(plant.Model.Find("repaint-queue/rework")));
        Assert.Equal(ElementKind.Buffer, plant.Model.GetKind(plant.Model.Find("repair-bay/rework")));
        Assert.Equal(2, plant.Model.VariantCount);
        Assert.Equal([2, 8], plant.Model.AttributeValueCounts); // variant, colour
        Assert.Equal(ElementKind.Station, plant.Model.GetKind(plant.ElementOf(new AssetId("ecoat-oven"))));
        Assert.Equal([new AssetId("metal-finish")], plant.Line(new LineId("body")).ExitStations);
        Assert.Equal([new AssetId("inspection")], plant.Line(new LineId("paint")).ExitStations);
        Assert.Equal([new AssetId("eol-test")], plant.Line(new LineId("assembly")).ExitStations);
    }

    [Fact]
    public void Build_Automotive_CalendarIsTwoShiftsWithBreaksFromMondaySixAm()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var calendar = plant.Line(new LineId("body")).Calendar!;
        const double h = 3600;

        Assert.Equal(7 * 24 * h, calendar.Period);
        Assert.False(calendar.IsOffShift(0));              // Monday 06:00, early shift
        Assert.True(calendar.IsOffShift(3 * h + 60));       // Monday 09:01, morning break
        Assert.False(calendar.IsOffShift(3.25 * h + 1));    // Monday 09:15:01
        Assert.True(calendar.IsOffShift(5.5 * h + 60));     // Monday 11:31, lunch
        Assert.False(calendar.IsOffShift(8 * h + 60));      // Monday 14:01, late shift
        Assert.True(calendar.IsOffShift(16 * h + 60));      // Monday 22:01, night
        Assert.True(calendar.IsOffShift((2 * 24 * h) + (15.5 * h) + 60)); // Wednesday 21:31, booth cleaning
        Assert.False(calendar.IsOffShift((2 * 24 * h) + (15.5 * h) - 60)); // Wednesday 21:29
        Assert.True(calendar.IsOffShift((5 * 24 * h) + h)); // Saturday 07:00
        Assert.Equal(72 * h, WeekCalendar.OnShiftSeconds(calendar, 0, 7 * 24 * h), 6);
    }

    [Fact]
    public void Build_Automotive_StationWideFailuresStopEveryServerAndOthersEachServerAlone()
    {
        // The e-coat oven is one conveyor: its burner trip (80 h, calendar) stops every body slot at the same instant,
        // and so do pretreatment's conveyor drive fault (40 h, 20 servers, scope: station) and the trim line's conveyor
        // stop (8 h, 12 servers). The chassis line's 10 servers keep a failure process each (no scope: the default).
        var model = TestPlants.Automotive;
        var plant = PlantSimulationBuilder.Build(model);
        var watcher = new DownWatcher();
        var run = new LineSimulation(plant.Model, new SimulationOptions { Seed = 5, EndTime = 3 * 7 * 86_400 }) { Observer = watcher };
        run.Reset(0);
        run.Run();

        foreach (var (id, maxStops) in new[] { ("ecoat-oven", 20), ("pretreatment", 40), ("trim", 200) })
        {
            var station = (FactoryTwin.Model.Plants.Station)model.FindElement(new AssetId(id))!;
            var downs = watcher.Of(plant.ElementOf(station.Id).Index);
            Assert.Equal(station.Capacity, downs.Count);
            Assert.InRange(downs[0].Count, 1, maxStops); // 504 h / 80 h ≈ 6 (oven), / 40 h ≈ 13 (pretreatment); trim ≈ 30 on shift
            Assert.All(downs.Values, d => Assert.Equal(downs[0], d));
        }

        var chassisDowns = watcher.Of(plant.ElementOf(new AssetId("chassis")).Index);
        Assert.True(chassisDowns.Values.Select(d => string.Join(',', d)).Distinct(StringComparer.Ordinal).Count() > 1);
    }

    [Theory]
    [InlineData("station", true)]
    [InlineData("server", false)]
    public void Build_FailureScope_StationStopsEveryServerAtOnce(string scope, bool together)
    {
        var model = PlantLoader.Parse(ThreeServerPlant(scope)).Model!;
        var plant = PlantSimulationBuilder.Build(model);
        var watcher = new DownWatcher();
        var run = new LineSimulation(plant.Model, new SimulationOptions { Seed = 3, EndTime = 2 * 86_400 }) { Observer = watcher };
        run.Reset(0);
        run.Run();

        var downs = watcher.Of(plant.ElementOf(new AssetId("tank")).Index);
        Assert.Equal(3, downs.Count);
        Assert.All(downs.Values, d => Assert.NotEmpty(d)); // 48 h / 2 h ≈ 24 failures per process
        Assert.Equal(together, downs.Values.All(d => d.SequenceEqual(downs[0])));
        if (together)
        {
            // One failure process for the tank, at the file's rate (not three times it).
            Assert.InRange(downs[0].Count, 8, 48);
        }
    }

    private static string ThreeServerPlant(string scope) => $$"""
        {{TestPlants.LabPlantHeader}}
        areas:
          - id: shop
            lines:
              - id: line1
                calendar: always
                sources:
                  - { id: arrivals, interArrival: 60 s, next: tank }
                stations:
                  - id: tank
                    kind: booth
                    servers: 3
                    processingTime: 150 s
                    failures:
                      - { name: rectifier trip, timeBetween: { dist: exponential, mean: 2 h }, timeToRepair: 10 min, basis: calendar, scope: {{scope}} }
                    next: done
                sinks:
                  - { id: done }
        """;

    /// <summary>Records, per station and server, when it went down.</summary>
    private sealed class DownWatcher : ILineObserver
    {
        private readonly Dictionary<(int, int), MachineStatus> _status = [];
        private readonly Dictionary<int, Dictionary<int, List<double>>> _downs = [];

        public Dictionary<int, List<double>> Of(int station) => _downs.GetValueOrDefault(station) ?? [];

        public void OnMachineStatusChanged(double time, int element, int server, MachineStatus status)
        {
            bool wasDown = _status.GetValueOrDefault((element, server)) == MachineStatus.Down;
            _status[(element, server)] = status;
            if (status == MachineStatus.Down && !wasDown)
            {
                var servers = _downs.TryGetValue(element, out var d) ? d : _downs[element] = [];
                (servers.TryGetValue(server, out var list) ? list : servers[server] = []).Add(time);
            }
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
}
