using DuckDB.NET.Data;
using FactoryTwin.Historian.Tests.TestSupport;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.Time.Testing;
using static FactoryTwin.Historian.Tests.TestSupport.Points;

namespace FactoryTwin.Historian.Tests;

/// <summary>
/// The behaviour every historian must show. Each backend's test class derives from this one and says how to create
/// a fresh, empty store; the same tests then run against DuckDB and PostgreSQL.
/// </summary>
public abstract class HistorianConformanceTests : IAsyncLifetime
{
    private readonly List<IHistorian> _created = [];

    /// <summary>Gets the clock: one day after <see cref="Points.T0"/>, so test data lies in the past.</summary>
    protected FakeTimeProvider Time { get; } = new(T0.AddDays(1));

    /// <summary>Gets a folder for files the test writes (DuckDB stores, Parquet exports); deleted afterwards.</summary>
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "factorytwin-historian-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var historian in _created)
        {
            await historian.DisposeAsync();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a historian over a fresh, empty store (the factory the derived class provides).</summary>
    protected abstract ValueTask<IHistorian> CreateStoreAsync(HistorianOptions options);

    protected async ValueTask<IHistorian> CreateAsync(Action<HistorianOptions>? configure = null)
    {
        var options = new HistorianOptions();
        configure?.Invoke(options);
        var historian = await CreateStoreAsync(options);
        _created.Add(historian);
        return historian;
    }

    [Fact]
    public async Task QueryRangeAsync_AfterAppend_ReturnsPointsInTimeOrderWithExactValues()
    {
        var historian = await CreateAsync();
        var s = Series();
        double[] values = [453.15, 1.0 / 3, 25.43 + 273.15, 0.1, -12.5, 1e300, 0, 123456.789012, double.Epsilon];
        var points = values.Select((v, i) => At(s, i, v, seq: 100 + i)).ToArray();

        await historian.AppendAsync(Batch(points), TestContext.Current.CancellationToken);
        var read = await historian.QueryRangeAsync(s, T0, T0.AddHours(1), TestContext.Current.CancellationToken);

        Assert.Equal(points, read);
    }

    [Fact]
    public async Task QueryRangeAsync_HalfOpenRange_ExcludesEnd()
    {
        var historian = await CreateAsync();
        var s = Series();
        await historian.AppendAsync(Batch(Ramp(s, 10)), TestContext.Current.CancellationToken);

        var read = await historian.QueryRangeAsync(s, T0.AddSeconds(2), T0.AddSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal([2.0, 3, 4], read.Select(p => (p.Timestamp - T0).TotalSeconds));
    }

    [Fact]
    public async Task AppendAsync_SameBatchTwice_StoresItOnce()
    {
        var historian = await CreateAsync();
        var batch = Batch([.. Ramp(Series("a", "x"), 50), .. Ramp(Series("b", "y"), 50)]);

        await historian.AppendAsync(batch, TestContext.Current.CancellationToken);
        await historian.AppendAsync(batch, TestContext.Current.CancellationToken);

        var stats = await historian.GetStatisticsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(100, stats.RawPoints);
        Assert.Equal(50, (await historian.QueryRangeAsync(Series("a", "x"), T0, T0.AddDays(1), TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task AppendAsync_OverlappingRedelivery_StoresOnlyTheNewPoints()
    {
        var historian = await CreateAsync();
        var s = Series();
        var all = Ramp(s, 15);

        await historian.AppendAsync(Batch(all[..10]), TestContext.Current.CancellationToken);
        await historian.AppendAsync(Batch(all[5..]), TestContext.Current.CancellationToken);

        Assert.Equal(all, await historian.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendAsync_DuplicateWithinOneBatch_StoresItOnce()
    {
        var historian = await CreateAsync();
        var s = Series();
        var p = At(s, 1, 42.5, seq: 7);

        await historian.AppendAsync(Batch(p, At(s, 2, 43, seq: 8), p), TestContext.Current.CancellationToken);

        Assert.Equal(2, (await historian.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task AppendAsync_SameTimestampDifferentSeq_StoresBoth()
    {
        var historian = await CreateAsync();
        var s = Series();

        await historian.AppendAsync(Batch(At(s, 1, 1, seq: 2), At(s, 1, 2, seq: 1)), TestContext.Current.CancellationToken);

        var read = await historian.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L], read.Select(p => p.Seq));
    }

    [Fact]
    public async Task AppendAsync_OutOfOrderAndLatePoints_AreStoredAndReadInOrder()
    {
        var historian = await CreateAsync();
        var s = Series();

        await historian.AppendAsync(Batch(At(s, 10, 10, 10), At(s, 5, 5, 5), At(s, 20, 20, 20)), TestContext.Current.CancellationToken);
        await historian.AppendAsync(Batch(At(s, 1, 1, 1), At(s, 15, 15, 15)), TestContext.Current.CancellationToken);

        var read = await historian.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken);
        Assert.Equal([1.0, 5, 10, 15, 20], read.Select(p => p.Value));
    }

    [Fact]
    public async Task AppendAsync_ManySeriesInterleaved_StoresEveryPoint()
    {
        var historian = await CreateAsync();
        var points = RealisticSeries.Generate(seriesCount: 40, seconds: 250);

        await historian.AppendAsync(new TelemetryBatch(points, []), TestContext.Current.CancellationToken);

        Assert.Equal(points.Length, (await historian.GetStatisticsAsync(TestContext.Current.CancellationToken)).RawPoints);
        var one = points.Where(p => p.Series == points[17].Series).ToArray();
        Assert.Equal(one, await historian.QueryRangeAsync(points[17].Series, T0, T0.AddDays(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task QueryBucketsAsync_OneMinuteBuckets_ComputesMinMaxAvgLastCount()
    {
        var historian = await CreateAsync();
        var s = Series();
        var points = Ramp(s, 300, startSeconds: 30, stepSeconds: 1, value: i => Math.Round(Math.Sin(i / 10.0) * 10, 2));
        await historian.AppendAsync(Batch(points), TestContext.Current.CancellationToken);

        var buckets = await historian.QueryBucketsAsync(s, T0, T0.AddHours(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        var expected = points.GroupBy(p => (long)(p.Timestamp - T0).TotalMinutes).Select(g => (
            Start: T0.AddMinutes(g.Key), Min: g.Min(p => p.Value), Max: g.Max(p => p.Value), Avg: g.Average(p => p.Value), Last: g.Last().Value, Count: (long)g.Count())).ToArray();
        Assert.Equal(expected.Length, buckets.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Start, buckets[i].Start);
            Assert.Equal(expected[i].Min, buckets[i].Min);
            Assert.Equal(expected[i].Max, buckets[i].Max);
            Assert.Equal(expected[i].Avg, buckets[i].Avg, 1e-9);
            Assert.Equal(expected[i].Last, buckets[i].Last);
            Assert.Equal(expected[i].Count, buckets[i].Count);
        }
    }

    [Fact]
    public async Task QueryBucketsAsync_LastValue_IsTheGreatestTimestampThenSeq()
    {
        var historian = await CreateAsync();
        var s = Series();
        await historian.AppendAsync(Batch(At(s, 10, 1, seq: 5), At(s, 10, 2, seq: 9), At(s, 5, 3, seq: 20)), TestContext.Current.CancellationToken);

        var bucket = Assert.Single(await historian.QueryBucketsAsync(s, T0, T0.AddHours(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal(2, bucket.Last);
        Assert.Equal(3, bucket.Count);
    }

    [Fact]
    public async Task QueryBucketsAsync_UnknownSeries_ReturnsEmpty()
    {
        var historian = await CreateAsync();

        Assert.Empty(await historian.QueryBucketsAsync(Series("nowhere"), T0, T0.AddHours(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetLatestAsync_AfterLateOlderPoints_ReturnsNewestPointPerSeries()
    {
        var historian = await CreateAsync();
        var a = Series("a", "x");
        var b = Series("b", "y");
        await historian.AppendAsync(Batch(At(a, 10, 1, 1), At(b, 5, 2, 1), At(a, 20, 3, 2)), TestContext.Current.CancellationToken);
        await historian.AppendAsync(Batch(At(a, 15, 4, 3), At(b, 6, 5, 2)), TestContext.Current.CancellationToken);

        var latest = await historian.GetLatestAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([At(a, 20, 3, 2), At(b, 6, 5, 2)], latest);
    }

    [Fact]
    public async Task GetLatestAsync_WithSeriesFilter_ReturnsOnlyKnownRequestedSeries()
    {
        var historian = await CreateAsync();
        var a = Series("a", "x");
        await historian.AppendAsync(Batch(At(a, 10, 1, 1), At(Series("b", "y"), 5, 2, 1)), TestContext.Current.CancellationToken);

        var latest = await historian.GetLatestAsync([a, Series("unknown")], TestContext.Current.CancellationToken);

        Assert.Equal([At(a, 10, 1, 1)], latest);
    }

    [Fact]
    public async Task QueryStateIntervalsAsync_RepeatedStates_MergedAndClippedToRange()
    {
        var historian = await CreateAsync();
        var s = Series("paint-robot-1", SeriesId.StateChannel);
        var working = (double)Model.Plants.StationState.Working;
        var down = (double)Model.Plants.StationState.Down;
        var starved = (double)Model.Plants.StationState.Starved;
        await historian.AppendAsync(
            Batch(At(s, 0, working, 1), At(s, 60, working, 2), At(s, 120, down, 3), At(s, 180, down, 4), At(s, 300, starved, 5), At(s, 900, working, 6)),
            TestContext.Current.CancellationToken);

        var intervals = await historian.QueryStateIntervalsAsync(s, T0.AddSeconds(90), T0.AddSeconds(600), TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new StateInterval(T0.AddSeconds(90), T0.AddSeconds(120), working),
                new StateInterval(T0.AddSeconds(120), T0.AddSeconds(300), down),
                new StateInterval(T0.AddSeconds(300), T0.AddSeconds(600), starved),
            ],
            intervals);
    }

    [Fact]
    public async Task QueryStateIntervalsAsync_NoPointBeforeEnd_ReturnsEmpty()
    {
        var historian = await CreateAsync();
        var s = Series("paint-robot-1", SeriesId.StateChannel);
        await historian.AppendAsync(Batch(At(s, 1000, 1, 1)), TestContext.Current.CancellationToken);

        Assert.Empty(await historian.QueryStateIntervalsAsync(s, T0, T0.AddSeconds(500), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PartEvents_AppendedTwice_StoredOnceAndFilteredByAsset()
    {
        var historian = await CreateAsync();
        PartEvent[] parts =
        [
            Part("ecoat-oven", 10, PartEventKind.Enter, "B-001", 1),
            Part("ecoat-oven", 400, PartEventKind.Exit, "B-001", 2),
            Part("sealer", 420, PartEventKind.Enter, "B-001", 1),
        ];
        var batch = new TelemetryBatch([], parts);

        await historian.AppendAsync(batch, TestContext.Current.CancellationToken);
        await historian.AppendAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(parts, await historian.QueryPartEventsAsync(T0, T0.AddHours(1), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(parts[..2], await historian.QueryPartEventsAsync(T0, T0.AddHours(1), new AssetId("ecoat-oven"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PartEvents_WithCureVerdictAndRoute_ReadBackWithThem()
    {
        var historian = await CreateAsync();
        PartEvent[] parts =
        [
            Part("topcoat-oven", 10, PartEventKind.Exit, "B-001", 1) with { Cure = PartCure.Ok },
            Part("topcoat-oven", 20, PartEventKind.Exit, "B-002", 2) with { Cure = PartCure.UnderCured, Route = new AssetId("repaint-queue") },
            Part("topcoat-oven", 30, PartEventKind.Exit, "B-003", 3) with { Cure = PartCure.OverBaked, Route = new AssetId("repaint-queue") },
            Part("sealer", 40, PartEventKind.Enter, "B-001", 4),
        ];

        await historian.AppendAsync(new TelemetryBatch([], parts), TestContext.Current.CancellationToken);

        Assert.Equal(parts, await historian.QueryPartEventsAsync(T0, T0.AddHours(1), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MaintainAsync_RawOlderThanRetention_DroppedButBucketsStillAnswered()
    {
        var historian = await CreateAsync(o => o.RawRetentionDays = 1);
        var s = Series();
        var points = Ramp(s, 600, value: i => Math.Round(Math.Cos(i / 30.0) * 5, 2));
        await historian.AppendAsync(Batch(points), TestContext.Current.CancellationToken);
        var before = await historian.QueryBucketsAsync(s, T0, T0.AddHours(1), TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        Time.Advance(TimeSpan.FromDays(1));
        var result = await historian.MaintainAsync(TestContext.Current.CancellationToken);

        Assert.Equal(600, result.RolledUpPoints);
        Assert.Empty(await historian.QueryRangeAsync(s, T0, T0.AddHours(1), TestContext.Current.CancellationToken));
        var after = await historian.QueryBucketsAsync(s, T0, T0.AddHours(1), TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        AssertSameBuckets(before, after);
        var stats = await historian.GetStatisticsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((0L, 10L), (stats.RawPoints, stats.Rollups));
        Assert.Equal([points[^1]], await historian.GetLatestAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MaintainAsync_LatePointsInRolledUpMinute_MergedIntoItsBucket()
    {
        var historian = await CreateAsync(o => o.RawRetentionDays = 1);
        var s = Series();
        await historian.AppendAsync(Batch(At(s, 0, 1, 1), At(s, 10, 2, 2)), TestContext.Current.CancellationToken);
        Time.Advance(TimeSpan.FromDays(1));
        await historian.MaintainAsync(TestContext.Current.CancellationToken);

        await historian.AppendAsync(Batch(At(s, 20, 9, 3), At(s, 5, -4, 4)), TestContext.Current.CancellationToken);
        await historian.MaintainAsync(TestContext.Current.CancellationToken);

        var bucket = Assert.Single(await historian.QueryBucketsAsync(s, T0, T0.AddHours(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.Equal(new BucketAggregate(T0, -4, 9, 2, 9, 4), bucket);
        Assert.Equal(1, (await historian.GetStatisticsAsync(TestContext.Current.CancellationToken)).Rollups);
    }

    [Fact]
    public async Task MaintainAsync_RollupsAndPartsOlderThanRollupRetention_Dropped()
    {
        var historian = await CreateAsync(o => (o.RawRetentionDays, o.RollupRetentionDays) = (1, 3));
        var s = Series();
        await historian.AppendAsync(new TelemetryBatch(Ramp(s, 120), [Part("sealer", 1, PartEventKind.Enter, "B-9", 1)]), TestContext.Current.CancellationToken);
        Time.Advance(TimeSpan.FromDays(1));
        await historian.MaintainAsync(TestContext.Current.CancellationToken);

        Time.Advance(TimeSpan.FromDays(3));
        var result = await historian.MaintainAsync(TestContext.Current.CancellationToken);

        Assert.Equal((2L, 1L), (result.DroppedRollups, result.DroppedPartEvents));
        Assert.Empty(await historian.QueryBucketsAsync(s, T0, T0.AddHours(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.Empty(await historian.QueryPartEventsAsync(T0, T0.AddHours(1), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExportParquetAsync_Range_WritesRowsOfThatRange()
    {
        var historian = await CreateAsync();
        var a = Series("a", "x");
        await historian.AppendAsync(Batch([.. Ramp(a, 100), .. Ramp(Series("b", "y"), 100)]), TestContext.Current.CancellationToken);
        var path = Path.Combine(Folder, "export", "range.parquet");

        var rows = await historian.ExportParquetAsync(path, T0.AddSeconds(10), T0.AddSeconds(20), [a], TestContext.Current.CancellationToken);

        Assert.Equal(10, rows);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), min(series), max(series), min(ts), max(value) FROM read_parquet('{path}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(10L, reader.GetInt64(0));
        Assert.Equal(a.Value, reader.GetString(1));
        Assert.Equal(a.Value, reader.GetString(2));
        Assert.Equal(T0.AddSeconds(10).UtcDateTime, reader.GetDateTime(3));
        Assert.Equal(300.19, reader.GetDouble(4));
    }

    [Fact]
    public async Task QueryRangeAsync_EmptySeries_ThrowsArgumentException()
    {
        var historian = await CreateAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => historian.QueryRangeAsync(new SeriesId(string.Empty), T0, T0.AddHours(1), TestContext.Current.CancellationToken));
        Assert.Equal("series", ex.ParamName);
    }

    [Fact]
    public async Task QueryRangeAsync_EndBeforeStart_ThrowsArgumentException()
    {
        var historian = await CreateAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => historian.QueryRangeAsync(Series(), T0.AddHours(1), T0, TestContext.Current.CancellationToken));
        Assert.Contains("before its start", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task QueryBucketsAsync_BucketNotPositive_ThrowsArgumentOutOfRangeException(int seconds)
    {
        var historian = await CreateAsync();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => historian.QueryBucketsAsync(Series(), T0, T0.AddHours(1), TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken));
        Assert.Equal("bucket", ex.ParamName);
    }

    [Fact]
    public async Task QueryStateIntervalsAsync_EndBeforeStart_ThrowsArgumentException()
    {
        var historian = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => historian.QueryStateIntervalsAsync(Series(), T0.AddHours(1), T0, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendAsync_PointWithEmptySeries_ThrowsAndStoresNothing()
    {
        var historian = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await historian.AppendAsync(Batch(At(Series(), 1, 1), At(default, 2, 2)), TestContext.Current.CancellationToken));

        Assert.Equal(0, (await historian.GetStatisticsAsync(TestContext.Current.CancellationToken)).RawPoints);
    }

    [Fact]
    public async Task AppendAsync_NullBatch_ThrowsArgumentNullException()
    {
        var historian = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await historian.AppendAsync(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var historian = await CreateAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await historian.AppendAsync(Batch(At(Series(), 1, 1)), cts.Token));
    }

    protected static void AssertSameBuckets(IReadOnlyList<BucketAggregate> expected, IReadOnlyList<BucketAggregate> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Start, expected[i].Min, expected[i].Max, expected[i].Last, expected[i].Count), (actual[i].Start, actual[i].Min, actual[i].Max, actual[i].Last, actual[i].Count));
            Assert.Equal(expected[i].Avg, actual[i].Avg, 1e-9);
        }
    }
}
