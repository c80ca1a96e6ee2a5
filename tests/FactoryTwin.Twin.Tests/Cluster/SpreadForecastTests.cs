using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.Twin.Plants;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>A forecast spread over the silos of a real (in-process) Orleans cluster equals the one-node forecast bit for bit.</summary>
public sealed class SpreadForecastTests : IDisposable
{
    // Monday 18:00 at the site (UTC+2): mid late shift, forecast to 22:00.
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 16, 0, 0, TimeSpan.Zero);
    private const int Replications = 120;
    private const ulong Seed = 7;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-spread-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TwinBody Body(string id, double secondsAgo, string colour = "white") => new(id, "sedan", colour, Now.AddSeconds(-secondsAgo));

    private static TwinSnapshot Snapshot() => new(
        Now,
        [
            new TwinSnapshotAsset("basecoat", TwinAssetKind.Station, StationState.Working, Now.AddSeconds(-40), [Body("B-1", 40, "red")]),
            new TwinSnapshotAsset("clearcoat", TwinAssetKind.Station, StationState.Down, Now.AddSeconds(-300), [Body("B-2", 320)]),
            new TwinSnapshotAsset("topcoat-oven", TwinAssetKind.Oven, StationState.Working, Now.AddHours(-3), [Body("B-3", 1500), Body("B-4", 600)]),
        ],
        []);

    [Fact]
    public async Task Forecast_ThreeSilosInChunks_BitIdenticalToOneSiloAndToOneProcess()
    {
        var plant = TestPlants.Automotive;
        var snapshot = Snapshot();
        var job = new ForecastReplicationJob(snapshot, Replications, Seed);

        var (oneRows, oneHosts, oneView) = await RunOnClusterAsync(plant, silos: 1, chunkSize: Replications, job);
        var (threeRows, threeHosts, threeView) = await RunOnClusterAsync(plant, silos: 3, chunkSize: 10, job);

        // The same forecast without Orleans, in one call on this process's threads.
        var forecaster = new ShiftForecaster(plant);
        var plantSnapshot = PlantSnapshotMapper.Map(snapshot, new PlantIndex(plant));
        var options = new ShiftForecastOptions { Replications = Replications, Seed = Seed };
        var direct = forecaster.Forecast(plantSnapshot, options, cancellationToken: Token);
        var directRows = forecaster.RunReplications(plantSnapshot, options, 0, Replications, cancellationToken: Token);

        Assert.Single(oneHosts.Distinct());
        Assert.Equal(12, threeHosts.Length);
        Assert.Equal([4, 4, 4], threeHosts.GroupBy(h => h, StringComparer.Ordinal).Select(g => g.Count())); // dealt out evenly

        Assert.Equal(Bits(directRows.Values), Bits(oneRows.Values));
        Assert.Equal(Bits(directRows.Values), Bits(threeRows.Values));
        Assert.Equal(Figures(direct), Figures(forecaster.Summarize(plantSnapshot, options, threeRows, TimeSpan.Zero)));
        Assert.Equal(Figures(oneView), Figures(threeView));
        Assert.Equal(BitConverter.DoubleToInt64Bits(direct.Plant.Expected), BitConverter.DoubleToInt64Bits(threeView.Plant.Expected));
        Assert.True(direct.Plant.Upper > direct.Plant.Lower, "the forecast has spread: the replications differ");
    }

    [Fact]
    public async Task Worker_RangeBeyondTheJob_FailsNamingTheRange()
    {
        var cluster = await TwinSilo.StartAsync(1, _folder, _time, TestPlants.Automotive);
        try
        {
            var worker = cluster.Client.GetGrain<IReplicationWorkerGrain>(0);
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => worker.RunAsync(new ForecastReplicationJob(Snapshot(), 10, Seed), 8, 5, Token));
            Assert.Contains("8..12", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.StopAllSilosAsync(Token);
            await cluster.DisposeAsync();
        }
    }

    private async Task<(ReplicationRows Rows, string[] Hosts, ShiftForecastView View)> RunOnClusterAsync(PlantModel plant, int silos, int chunkSize, ForecastReplicationJob job)
    {
        var cluster = await TwinSilo.StartAsync(silos, Path.Combine(_folder, silos.ToString(System.Globalization.CultureInfo.InvariantCulture)), _time, plant, configure: o => o.ForecastChunkSize = chunkSize);
        try
        {
            Assert.Equal(silos, cluster.Silos.Count);
            await cluster.WaitForLivenessToStabilizeAsync();
            var (rows, hosts) = await ReplicationSpreader.RunAsync(cluster.Client, job, chunkSize, cancellationToken: Token);
            var view = await cluster.Client.GetGrain<IForecastWorkerGrain>(0).ForecastAsync(job.Snapshot, job.Replications, job.Seed, Token);
            return (rows, [.. hosts], view);
        }
        finally
        {
            await cluster.StopAllSilosAsync(Token);
            await cluster.DisposeAsync();
        }
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    private static List<long> Figures(ShiftForecastView view)
    {
        var bits = new List<long> { view.MadeAt.UtcTicks, view.ShiftEnd.UtcTicks, view.Replications, (view.Bottleneck ?? string.Empty).Length };
        foreach (var o in view.Lines.Select(l => l.Output).Prepend(view.Plant))
        {
            bits.AddRange([o.SoFar, o.Target ?? -1, .. Bits([o.Expected, o.Lower, o.Upper, o.ProbabilityOfTarget ?? double.NaN])]);
        }

        return bits;
    }

    private static List<long> Figures(ShiftForecast forecast)
    {
        var bits = new List<long> { forecast.Instant.UtcTicks, forecast.End.UtcTicks, forecast.Replications };
        foreach (var o in forecast.Lines.Select(l => l.Output).Prepend(forecast.Plant))
        {
            bits.AddRange([o.SoFar, o.Target ?? -1, .. Bits([o.Expected, o.Median, o.Lower, o.Upper, o.ProbabilityOfTarget ?? double.NaN])]);
            bits.AddRange(o.Fan.SelectMany(p => Bits([p.Lower, p.Median, p.Upper])));
        }

        foreach (var b in forecast.Lines.SelectMany(l => l.Bottlenecks).Concat(forecast.Bottlenecks))
        {
            bits.AddRange(Bits([b.Frequency, b.MeanShare]));
        }

        return bits;
    }
}
