using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class PlantSimulationRunTests(AutomotiveWeekFixture week) : IClassFixture<AutomotiveWeekFixture>
{
    [Fact]
    public void Run_AutomotiveWeek_EveryStationsStateFractionsSumToOne()
    {
        foreach (var r in week.Result.Results)
        {
            Assert.Equal(22, r.Stations.Length);
            foreach (var s in r.Stations)
            {
                double sum = s.Working + s.SettingUp + s.Blocked + s.Starved + s.Down + s.OffShift;
                Assert.True(Math.Abs(sum - 1) < 1e-9, $"{s.Name}: fractions sum to {sum}");
            }
        }
    }

    [Fact]
    public void Run_AutomotiveWeek_ConservesParts()
    {
        foreach (var r in week.Result.Results)
        {
            Assert.Equal(r.InitialWip + r.PartsEntered, r.PartsExited + r.PartsScrapped + r.FinalWip);
            Assert.True(r.PartsExited > 0);
        }
    }

    [Fact]
    public void Run_AutomotiveWeek_OutputIsPlausibleAgainstSixtyJobsPerShiftHour()
    {
        var result = week.Result;
        foreach (var line in result.Lines)
        {
            // 72 on-shift hours a week (2 × 7.25 h a day, Monday to Friday, less 30 min cleaning).
            Assert.Equal(72, line.PlannedHours, 6);

            // ~60 jobs/h by design, less failures, blocking (the by-variant split after underbody has no buffer, so
            // two SUVs in a row block it and the paced release loses its beat: ~45/h), and the empty plant filling.
            Assert.InRange(line.ThroughputPerPlannedHour.Mean, 40, 61);
        }

        Assert.InRange(result.Output.Mean, 40 * 72, 61 * 72);
        Assert.Equal(result.Output.Mean, result.Line(new LineId("assembly")).Output.Mean);
        Assert.NotNull(result.Bottleneck);
        Assert.InRange(result.LeadTimeMean.Mean, 3600, 7 * 24 * 3600);
    }

    [Fact]
    public void Run_AutomotiveWeek_OffShiftFractionMatchesTheCalendar()
    {
        var station = week.Result.Station(new AssetId("underbody"));

        // Down has priority over off shift, so a repair running into the night takes a little off-shift time.
        Assert.InRange(station.OffShift.Mean, 1 - (72.0 / 168) - 0.01, 1 - (72.0 / 168) + 1e-9);
        Assert.Equal(1, station.Working.Mean + station.SettingUp.Mean + station.Blocked.Mean + station.Starved.Mean + station.Down.Mean + station.OffShift.Mean, 9);
    }

    [Fact]
    public void Run_AutomotiveWeek_VariantSplitFollowsTheMix()
    {
        double sedan = week.Result.Station(new AssetId("framing-sedan")).Processed.Mean;
        double suv = week.Result.Station(new AssetId("framing-suv")).Processed.Mean;

        Assert.InRange(suv / (sedan + suv), 0.35, 0.45);
    }

    [Fact]
    public void Run_AutomotiveWeek_ReworkLoopsAndSetupsAreMapped()
    {
        var first = week.Result.Results[0];

        Assert.True(first.Station("inspection").Reworked > 0);
        Assert.True(first.Station("spot-repair").Processed > 0);
        Assert.True(first.Station("spot-repair").Reworked > 0);
        Assert.True(first.Station("eol-test").Reworked > 0);
        Assert.True(first.Station("repair-bay").Processed > 0);
        Assert.True(first.Station("basecoat").SettingUp > 0);
        Assert.True(first.Station("closures").SettingUp > 0);
        Assert.Equal(0, first.Station("primer").SettingUp);
    }

    [Fact]
    public void Run_AutomotiveWeek_OvenHasItsCapacityAsServers()
    {
        var oven = TestPlants.Automotive.FindElement(new AssetId("ecoat-oven")) as Model.Plants.Station;

        Assert.Equal(oven!.Oven!.Capacity, week.Result.Station(new AssetId("ecoat-oven")).Servers);
        Assert.True(week.Result.Station(new AssetId("ecoat-oven")).Down.Mean >= 0);
    }

    [Fact]
    public void Run_ThreadCount_DoesNotChangeResults()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Load("two-stations.yaml"));
        var options = new PlantRunOptions { Seed = 3, Duration = 4 * 3600, Replications = 6 };

        var one = plant.Run(options with { MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var two = plant.Run(options with { MaxDegreeOfParallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(one.Results.Select(r => r.ThroughputPerHour), two.Results.Select(r => r.ThroughputPerHour));
    }

    [Fact]
    public void Run_WithSeries_HourlyOutputSumsToTheWindowOutput()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var options = new PlantRunOptions { Seed = 2, WarmUp = 3600, Duration = 5.5 * 3600, Replications = 2, SeriesInterval = 3600 };

        var result = plant.Run(options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(6, result.OutputSeries.Length);
        Assert.Equal(result.Output.Mean, result.OutputSeries.Sum(), 9);
        foreach (var line in result.Lines)
        {
            Assert.Equal(line.Output.Mean, line.OutputSeries.Sum(), 9);
        }
    }

    [Fact]
    public void Run_ProgressReportsEveryReplication()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Load("two-stations.yaml"));
        var reports = new System.Collections.Concurrent.ConcurrentBag<int>();

        plant.Run(new PlantRunOptions { Duration = 3600, Replications = 5 }, new SyncProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3, 4, 5], reports.Order());
    }

    [Fact]
    public void Run_WithObserver_LastStepCountersAreTheFinishedReplicationsFigures()
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var observer = new LastStep(plant.Lines.Length, 3);

        plant.Run(
            new PlantRunOptions { Seed = 4, WarmUp = 1800, Duration = 4 * 3600, Replications = 3, SeriesInterval = 3600, SeriesReplications = 3 },
            start: null,
            observer,
            cancellationToken: TestContext.Current.CancellationToken);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(3, observer.Steps[i]); // 4 steps: 0 to 3
            Assert.Equal(observer.Finished[i]!.Result.Output, observer.Output[i]);
            for (int l = 0; l < plant.Lines.Length; l++)
            {
                Assert.Equal(observer.Finished[i]!.LineGood(l), observer.LineGood[i][l]);
            }

            Assert.Equal(plant.Stations.Length, observer.Finished[i]!.Result.Stations.Length);
        }
    }

    /// <summary>Keeps each replication's counters at its last step and its finished figures.</summary>
    private sealed class LastStep : IPlantReplicationObserver
    {
        public LastStep(int lines, int replications)
        {
            Steps = new int[replications];
            Output = new long[replications];
            LineGood = [.. Enumerable.Range(0, replications).Select(_ => new long[lines])];
            Finished = new PlantReplication?[replications];
        }

        public int[] Steps { get; }

        public long[] Output { get; }

        public long[][] LineGood { get; }

        public PlantReplication?[] Finished { get; }

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
            Steps[replication] = stepIndex;
            Output[replication] = counters.Output;
            for (int l = 0; l < LineGood[replication].Length; l++)
            {
                LineGood[replication][l] = counters.LineGood(l);
            }
        }

        public void OnFinished(PlantReplication replication) => Finished[replication.Replication] = replication;
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
