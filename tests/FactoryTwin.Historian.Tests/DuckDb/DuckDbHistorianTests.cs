using FactoryTwin.Historian.Tests.TestSupport;
using FactoryTwin.Model.Telemetry;
using static FactoryTwin.Historian.Tests.TestSupport.Points;

namespace FactoryTwin.Historian.Tests.DuckDb;

/// <summary>The conformance suite on DuckDB, plus what only the embedded store does (reopen, compaction, compression).</summary>
public sealed class DuckDbHistorianTests : HistorianConformanceTests
{
    private int _stores;

    protected override ValueTask<IHistorian> CreateStoreAsync(HistorianOptions options)
    {
        options.Provider = HistorianProvider.DuckDb;
        options.DataFolder = Folder;
        options.FileName = "store-" + (++_stores).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".duckdb";
        return ValueTask.FromResult(HistorianFactory.Create(options, Time));
    }

    [Fact]
    public async Task AppendAsync_AfterReopen_KeepsPointsWatermarksAndIdempotency()
    {
        var options = new HistorianOptions { DataFolder = Folder, FileName = "reopen.duckdb" };
        var s = Series();
        var batch = Batch(Ramp(s, 20));
        await using (var first = HistorianFactory.Create(options, Time))
        {
            await first.AppendAsync(batch, TestContext.Current.CancellationToken);
        }

        await using var second = HistorianFactory.Create(options, Time);
        await second.AppendAsync(batch, TestContext.Current.CancellationToken);
        await second.AppendAsync(Batch(At(s, 100, 7, 100)), TestContext.Current.CancellationToken);

        Assert.Equal(21, (await second.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken)).Count);
        Assert.Equal([At(s, 100, 7, 100)], await second.GetLatestAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_StoreFromBeforeCureColumns_AddsThemAndKeepsTheOldPartEvents()
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, "old.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=" + path))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            long micros = (T0.AddSeconds(1) - DateTimeOffset.UnixEpoch).Ticks / 10;
            command.CommandText = $"""
                CREATE TABLE parts (asset VARCHAR NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL, kind TINYINT NOT NULL, part_id VARCHAR NOT NULL, variant VARCHAR, colour VARCHAR, PRIMARY KEY (asset, ts, seq, kind, part_id));
                INSERT INTO parts VALUES ('sealer', {micros}, 1, 0, 'B-001', 'sedan', 'red');
                """;
            command.ExecuteNonQuery();
        }

        var old = Part("sealer", 1, PartEventKind.Enter, "B-001", 1);
        var cured = Part("topcoat-oven", 2, PartEventKind.Exit, "B-002", 2) with { Cure = PartCure.UnderCured, Route = new Model.Ids.AssetId("repaint-queue") };
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Folder, FileName = "old.duckdb" }, Time);
        await historian.AppendAsync(new TelemetryBatch([], [cured]), TestContext.Current.CancellationToken);

        var stored = await historian.QueryPartEventsAsync(T0, T0.AddHours(1), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([old, cured], stored);
    }

    [Fact]
    public async Task MaintainAsync_ClosedWindows_CompactedAndQueriesUnchanged()
    {
        var historian = await CreateAsync();
        var points = RealisticSeries.Generate(seriesCount: 20, seconds: 7200);
        await historian.AppendAsync(new TelemetryBatch(points, []), TestContext.Current.CancellationToken);
        var series = points[13].Series;
        var rangeBefore = await historian.QueryRangeAsync(series, T0, T0.AddDays(1), TestContext.Current.CancellationToken);
        var bucketsBefore = await historian.QueryBucketsAsync(series, T0, T0.AddDays(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        var result = await historian.MaintainAsync(TestContext.Current.CancellationToken);

        Assert.Equal(points.Length, result.CompactedPoints);
        Assert.Equal(rangeBefore, await historian.QueryRangeAsync(series, T0, T0.AddDays(1), TestContext.Current.CancellationToken));
        AssertSameBuckets(bucketsBefore, await historian.QueryBucketsAsync(series, T0, T0.AddDays(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.Equal(points.Length, (await historian.GetStatisticsAsync(TestContext.Current.CancellationToken)).RawPoints);
    }

    [Fact]
    public async Task MaintainAsync_WindowStillOpen_NotCompacted()
    {
        var historian = await CreateAsync();
        var s = Series();
        await historian.AppendAsync(Batch(new SeriesPoint(s, Time.GetUtcNow().AddMinutes(-5), 1, 1)), TestContext.Current.CancellationToken);

        var result = await historian.MaintainAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, result.CompactedPoints);
        Assert.Single(await historian.QueryRangeAsync(s, T0, T0.AddDays(2), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MaintainAsync_RealisticSeries_StoresAtMostTwoBytesPerPoint()
    {
        // 100 series x 8 h at 1 Hz = 2.88 M points. The size counts used 256 KiB database blocks, fixed metadata
        // included, so small stores look worse than large ones (one day measures 1.06 B/point). Not timed.
        var historian = await CreateAsync();
        var points = RealisticSeries.Generate(seriesCount: 100, seconds: 8 * 3600);
        await AppendInBatchesAsync(historian, points);

        await historian.MaintainAsync(TestContext.Current.CancellationToken);

        var stats = await historian.GetStatisticsAsync(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{stats.RawPoints} points, {stats.Bytes} bytes, {stats.BytesPerPoint:F3} B/point");
        Assert.Equal(points.Length, stats.RawPoints);
        Assert.InRange(stats.BytesPerPoint, 0.1, 2.0);
    }

    [Fact]
    public async Task AppendAsync_FilesCopiedAsAPowerCutLeavesThem_ReopenHasEveryAppendedBatch()
    {
        var s = Series();
        var crashed = await PowerCutAsync("live.duckdb", async live =>
        {
            await live.AppendAsync(Batch(At(s, 0, 300)), TestContext.Current.CancellationToken);
            await live.AppendAsync(Batch(At(s, 1, 301, 1)), TestContext.Current.CancellationToken);
            await live.AppendAsync(new TelemetryBatch([At(s, 2, 302, 2)], [Part("sealer", 2, PartEventKind.Enter, "B-001", 3)]), TestContext.Current.CancellationToken);
        });

        await using var reopened = HistorianFactory.Create(new HistorianOptions { DataFolder = crashed, FileName = "live.duckdb" }, Time);

        Assert.Equal([300.0, 301.0, 302.0], (await reopened.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken)).Select(p => p.Value));
        Assert.Single(await reopened.QueryPartEventsAsync(T0, T0.AddDays(1), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(8, new FileInfo(Path.Combine(crashed, "live.duckdb.journal")).Length);
    }

    [Fact]
    public async Task Open_JournalWithAnIncompleteLastRecord_KeepsTheCompleteBatchesOnly()
    {
        var s = Series();
        var crashed = await PowerCutAsync("torn.duckdb", async live =>
        {
            await live.AppendAsync(Batch(At(s, 0, 300)), TestContext.Current.CancellationToken);
            await live.AppendAsync(Batch(At(s, 1, 301, 1)), TestContext.Current.CancellationToken);
        });

        // The second record's write was cut short by the crash (so its append never returned).
        var journal = Path.Combine(crashed, "torn.duckdb.journal");
        using (var stream = new FileStream(journal, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5);
        }

        await using var reopened = HistorianFactory.Create(new HistorianOptions { DataFolder = crashed, FileName = "torn.duckdb" }, Time);

        Assert.Equal([300.0], (await reopened.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken)).Select(p => p.Value));
        await reopened.AppendAsync(Batch(At(s, 2, 302, 2)), TestContext.Current.CancellationToken);
        Assert.Equal([300.0, 302.0], (await reopened.QueryRangeAsync(s, T0, T0.AddDays(1), TestContext.Current.CancellationToken)).Select(p => p.Value));
    }

    [Fact]
    public async Task Open_JournalThatIsNotOne_FailsNamingTheFile()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "foreign.duckdb.journal"), "not a journal at all", TestContext.Current.CancellationToken);
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Folder, FileName = "foreign.duckdb" }, Time);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await historian.AppendAsync(Batch(At(Series(), 0, 1)), TestContext.Current.CancellationToken));

        Assert.Contains("foreign.duckdb.journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_CommitIntervalZero_EachBatchIsInDuckDbAndTheJournalStaysEmpty()
    {
        var options = new HistorianOptions { DataFolder = Folder, FileName = "direct.duckdb", CommitInterval = TimeSpan.Zero };
        await using var historian = HistorianFactory.Create(options, Time);

        await historian.AppendAsync(Batch(At(Series(), 0, 300)), TestContext.Current.CancellationToken);

        Assert.Equal(8, new FileInfo(Path.Combine(Folder, "direct.duckdb.journal")).Length);
    }

    /// <summary>
    /// Appends with a long commit interval (so the batches are only in the commit journal, not in a DuckDB transaction
    /// yet), copies the store's files as a power cut would leave them, and returns the folder of the copy.
    /// </summary>
    private async Task<string> PowerCutAsync(string fileName, Func<IHistorian, Task> append)
    {
        var options = new HistorianOptions { DataFolder = Folder, FileName = fileName, CommitInterval = TimeSpan.FromSeconds(60) };
        var crashed = Path.Combine(Folder, "crashed");
        Directory.CreateDirectory(crashed);
        await using var live = HistorianFactory.Create(options, Time);
        await append(live);
        Assert.True(new FileInfo(Path.Combine(Folder, fileName + ".journal")).Length > 8, "the batches are not in the journal");
        foreach (var file in Directory.GetFiles(Folder, fileName + "*"))
        {
            File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
        }

        return crashed;
    }

    private static async Task AppendInBatchesAsync(IHistorian historian, SeriesPoint[] points)
    {
        for (var i = 0; i < points.Length; i += 100_000)
        {
            await historian.AppendAsync(new TelemetryBatch(points[i..Math.Min(points.Length, i + 100_000)], []), TestContext.Current.CancellationToken);
        }
    }
}
