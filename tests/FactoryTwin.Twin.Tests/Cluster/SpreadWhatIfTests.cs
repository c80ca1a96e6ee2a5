using FactoryTwin.Analytics.Tests.WhatIf;
using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Plants;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>
/// A what-if spread over the silos of a real (in-process) Orleans cluster equals the one-silo what-if and the local
/// <see cref="WhatIfRunner"/> bit for bit, from the plant file and from the live twin's snapshot.
/// </summary>
public sealed class SpreadWhatIfTests(WhatIfClusters clusters) : IClassFixture<WhatIfClusters>
{
    private const int Replications = 24;
    private const ulong Seed = 9;
    private const string Same = "apiVersion: factorytwin/v1\nkind: WhatIf\nname: same\nchanges:\n  - buffer: closures-buffer\n    capacity: 6\n";

    private static readonly Lazy<YamlDocument> s_plant = new(() => Read("samples", "plants", "automotive.yaml"));
    private static readonly Lazy<ImmutableArray<YamlDocument>> s_scenarios = new(() =>
        [Read("samples", "whatif", "bigger-closures-buffer.yaml"), Read("samples", "whatif", "faster-respot.yaml")]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => WhatIfClusters.Now;

    [Fact]
    public async Task WhatIf_ThreeSilosInChunks_BitIdenticalToOneSiloAndToTheLocalRunner()
    {
        var job = WhatIfReplicationJob.Create(s_plant.Value, s_scenarios.Value, Replications, Seed, warmUp: 1800, duration: 4 * 3600);
        var reports = new List<int>();

        var (one, oneHosts) = await WhatIfClusters.Coordinator(clusters.One).SpreadAsync(job, chunkSize: Replications, null, Token);
        var (three, threeHosts) = await WhatIfClusters.Coordinator(clusters.Three).SpreadAsync(job, chunkSize: 5, new ListProgress(reports), Token);
        var local = RunLocally(job);

        Assert.Single(oneHosts);
        Assert.Equal(5, threeHosts.Length); // 5, 5, 5, 5, 4 replications
        Assert.Equal(3, threeHosts.Distinct(StringComparer.Ordinal).Count()); // chunks ran on every silo
        Assert.Equal(WhatIfFigures.Of(local), WhatIfFigures.Of(one));
        Assert.Equal(WhatIfFigures.Of(local), WhatIfFigures.Of(three));
        Assert.Equal(3 * Replications, reports.Max()); // per chunk, in replications over all runs as the local runner counts
        Assert.Equal(5, reports.Count);
        Assert.True(local.Scenarios[1].Difference("throughput").Significant, "the scenarios change the plant: there is something to compare");
        Assert.False(local.FromSnapshot);
    }

    [Fact]
    public async Task WhatIf_LiveSnapshotOnThreeSilos_BitIdenticalToOneSiloAndToTheLocalRunner()
    {
        var job = WhatIfReplicationJob.Create(s_plant.Value, s_scenarios.Value, Replications, Seed, snapshot: Snapshot());

        var (one, _) = await WhatIfClusters.Coordinator(clusters.One).SpreadAsync(job, chunkSize: 7, null, Token);
        var (three, threeHosts) = await WhatIfClusters.Coordinator(clusters.Three).SpreadAsync(job, chunkSize: 4, null, Token);
        var local = RunLocally(job);

        Assert.Equal(3, threeHosts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(WhatIfFigures.Of(local), WhatIfFigures.Of(one));
        Assert.Equal(WhatIfFigures.Of(local), WhatIfFigures.Of(three));
        Assert.True(local.FromSnapshot);
        Assert.Equal(4 * 3600, local.WindowEnd - local.WindowStart, 6); // 18:00 to the shift end at 22:00
    }

    [Fact]
    public async Task WhatIf_ZeroChangeScenarioOnThreeSilos_EveryDifferenceIsExactlyZero()
    {
        var job = WhatIfReplicationJob.Create(s_plant.Value, [new YamlDocument("same.yaml", Same)], Replications, Seed, warmUp: 1800, duration: 4 * 3600);

        var result = await WhatIfClusters.Coordinator(clusters.Three).RunAsync(job, cancellationToken: Token);

        Assert.All(result.Scenarios[0].Differences, d =>
        {
            Assert.Equal(0L, BitConverter.DoubleToInt64Bits(d.Difference));
            Assert.Equal(0.0, d.HalfWidth);
            Assert.Null(d.VarianceReduction);
            Assert.Equal(d.Baseline, d.Scenario);
        });
    }

    [Fact]
    public async Task WhatIf_ScenarioNamingAMissingBuffer_FailsWithItsLineAndColumn()
    {
        const string bad = "apiVersion: factorytwin/v1\nkind: WhatIf\nchanges:\n  - buffer: closures-bufer\n    capacity: 6\n";
        var job = WhatIfReplicationJob.Create(s_plant.Value, [new YamlDocument("scenario 1", Same), new YamlDocument("scenario 2", bad)], Replications, Seed);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => WhatIfClusters.Coordinator(clusters.Three).RunAsync(job, cancellationToken: Token));

        Assert.Contains("scenario 2:4:13: error unknown-reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_OneReplication_FailsNamingTheOptions()
    {
        var job = WhatIfReplicationJob.Create(s_plant.Value, [new YamlDocument("same.yaml", Same)], replications: 1, Seed);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WhatIfClusters.Coordinator(clusters.One).RunAsync(job, cancellationToken: Token));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public async Task Worker_WhatIfRangeBeyondTheJob_FailsNamingTheRange()
    {
        var job = WhatIfReplicationJob.Create(s_plant.Value, [new YamlDocument("same.yaml", Same)], 10, Seed);
        var worker = clusters.One.Client.GetGrain<IReplicationWorkerGrain>(0);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => worker.RunAsync(job, 8, 5, Token));

        Assert.Contains("8..12", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The same what-if in this process, without Orleans: the plant and scenario files read as the workers read them.</summary>
    private static WhatIfResult RunLocally(WhatIfReplicationJob job)
    {
        var plant = PlantLoader.Parse(job.Plant.Text, job.Plant.File).Model!;
        var scenarios = job.Scenarios.Select(s => WhatIfScenarioLoader.Parse(s.Text, plant, s.File).Scenario!).ToList();
        var options = new WhatIfOptions
        {
            Replications = job.Replications,
            Seed = job.Seed,
            WarmUp = job.WarmUp,
            Duration = job.Duration,
            Start = job.Snapshot?.ToPlantSnapshot(plant),
        };
        return WhatIfRunner.Run(plant, scenarios, options, cancellationToken: Token);
    }

    private static YamlDocument Read(params string[] path)
    {
        var file = Path.Combine([RepositoryPaths.Root(), .. path]);
        return new YamlDocument(file, File.ReadAllText(file));
    }

    private static TwinBody Body(string id, double secondsAgo, string colour = "white") => new(id, "sedan", colour, Now.AddSeconds(-secondsAgo));

    private static TwinSnapshot Snapshot() => new(
        Now,
        [
            new TwinSnapshotAsset("basecoat", TwinAssetKind.Station, StationState.Working, Now.AddSeconds(-40), [Body("B-1", 40, "red")]),
            new TwinSnapshotAsset("clearcoat", TwinAssetKind.Station, StationState.Down, Now.AddSeconds(-300), [Body("B-2", 320)]),
            new TwinSnapshotAsset("topcoat-oven", TwinAssetKind.Oven, StationState.Working, Now.AddHours(-3), [Body("B-3", 1500), Body("B-4", 600)]),
        ],
        []);

    /// <summary>Keeps every report, from whichever thread it comes.</summary>
    private sealed class ListProgress(List<int> reports) : IProgress<int>
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
