using FactoryTwin.Analytics.Tests.Forecasting;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.WhatIf;

public sealed class WhatIfExperimentTests
{
    private static readonly WhatIfScenario BiggerBuffer = new("bigger buffer", [new BufferCapacityChange(new AssetId("buffer-ab"), 8)]);
    private static readonly WhatIfScenario FasterB = new("faster B", [new StationChange(new AssetId("station-b")) { ProcessingTime = new ExponentialDistribution(45) }]);
    private static readonly WhatIfOptions Options = new() { Replications = 30, Seed = 13, WarmUp = 1800, Duration = 4 * 3600 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    public void RunReplications_AnyChunking_JoinsToTheRunnersComparisonBitForBit(int chunkSize)
    {
        var whole = WhatIfRunner.Run(TestPlants.TwoStations, [BiggerBuffer, FasterB], Options, cancellationToken: Token);
        var experiment = WhatIfExperiment.Create(TestPlants.TwoStations, [BiggerBuffer, FasterB], Options with { MaxDegreeOfParallelism = 1 });

        // Chunks computed in reverse order, one thread each, as workers on other nodes may finish them.
        var chunks = ReplicationRows.Chunks(Options.Replications, chunkSize).Reverse()
            .Select(c => experiment.RunReplications(c.First, c.Count, cancellationToken: Token))
            .ToList();
        var merged = experiment.Summarize(ReplicationRows.Concat(chunks), whole.Elapsed);

        Assert.Equal(WhatIfFigures.Of(whole), WhatIfFigures.Of(merged));
        Assert.True(whole.Scenarios[1].Difference("throughput").Significant, "the comparison has something to compare");
    }

    [Fact]
    public void RunReplications_FromSnapshotInChunks_JoinsToTheRunnersComparisonBitForBit()
    {
        var plant = TestPlants.Automotive;
        var shift = new SimulatedShift(PlantSimulationBuilder.Build(plant), seed: 3, snapshotTime: 11 * 3600);
        var bigger = new WhatIfScenario("bigger", [new BufferCapacityChange(new AssetId("closures-buffer"), 12)]);
        var options = new WhatIfOptions { Replications = 6, Seed = 5, Start = shift.Snapshot };

        var whole = WhatIfRunner.Run(plant, [bigger], options, cancellationToken: Token);
        var experiment = WhatIfExperiment.Create(plant, [bigger], options);
        var joined = ReplicationRows.Concat([experiment.RunReplications(4, 2, cancellationToken: Token), experiment.RunReplications(0, 4, cancellationToken: Token)]);

        Assert.Equal(WhatIfFigures.Of(whole), WhatIfFigures.Of(experiment.Summarize(joined, whole.Elapsed)));
        Assert.Equal(11 * 3600, whole.WindowStart, 6);
    }

    [Fact]
    public void RunReplications_Chunk_ReportsEachRunsReplications()
    {
        var experiment = WhatIfExperiment.Create(TestPlants.TwoStations, [BiggerBuffer, FasterB], Options with { MaxDegreeOfParallelism = 1 });
        var reports = new List<int>();

        experiment.RunReplications(10, 5, new SynchronousProgress(reports), Token);

        Assert.Equal(3, experiment.Runs);
        Assert.Equal(Enumerable.Range(1, 15), reports);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(0, 0)]
    [InlineData(28, 3)]
    public void RunReplications_RangeOutsideTheComparison_Throws(int first, int count)
    {
        var experiment = WhatIfExperiment.Create(TestPlants.TwoStations, [BiggerBuffer], Options);

        Assert.Throws<ArgumentOutOfRangeException>(() => experiment.RunReplications(first, count, cancellationToken: Token));
    }

    [Fact]
    public void Summarize_RowsMissingReplications_NamesWhatIsNeeded()
    {
        var experiment = WhatIfExperiment.Create(TestPlants.TwoStations, [BiggerBuffer], Options);
        var part = experiment.RunReplications(0, 10, cancellationToken: Token);

        var error = Assert.Throws<ArgumentException>(() => experiment.Summarize(part, TimeSpan.Zero));

        Assert.Contains("needs replications 0..29", error.Message, StringComparison.Ordinal);
        Assert.Contains("not 0..9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ScenarioForAnotherPlant_NamesTheElementBeforeRunningAnything()
    {
        var other = new WhatIfScenario("other", [new BufferCapacityChange(new AssetId("closures-buffer"), 8)]);

        var ex = Assert.Throws<ArgumentException>(() => WhatIfExperiment.Create(TestPlants.TwoStations, [BiggerBuffer, other], Options));

        Assert.Contains("closures-buffer", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Reports on the reporting thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
