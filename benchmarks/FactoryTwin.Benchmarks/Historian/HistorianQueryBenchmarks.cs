using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Benchmarks.Historian;

/// <summary>
/// A one-day, 1-minute-bucket query over one series (86,400 points, 1,440 buckets with min, max, avg, last, count)
/// in a store of 100 series x 1 day at 1 Hz (8.64 M points), compacted. Baseline: the same aggregation written by
/// hand over a plain DuckDB table of the same rows in arrival order (no compaction, doubles). The global setup
/// prints the bytes per point of both stores.
/// </summary>
[MemoryDiagnoser]
public class HistorianQueryBenchmarks : IDisposable
{
    private static readonly DateTimeOffset Day = HistorianBenchmarkData.T0;
    private readonly SeriesId _series = SeriesId.Of(new("asset-4"), "ch-3");
    private string _folder = null!;
    private IHistorian _historian = null!;
    private DuckDBConnection _raw = null!;

    /// <summary>Loads both stores with the same day of data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "factorytwin-bench-query-" + Guid.NewGuid().ToString("N"));
        var points = HistorianBenchmarkData.Generate(100, 86_400);
        _historian = HistorianFactory.Create(new HistorianOptions { DataFolder = _folder }, new HistorianBenchmarkData.FixedTime(Day.AddDays(2)));
        for (var i = 0; i < points.Length; i += 100_000)
        {
            _historian.AppendAsync(new TelemetryBatch(points[i..Math.Min(points.Length, i + 100_000)], [])).AsTask().GetAwaiter().GetResult();
        }

        _historian.MaintainAsync().GetAwaiter().GetResult();
        var stats = _historian.GetStatisticsAsync().GetAwaiter().GetResult();

        _raw = new DuckDBConnection("Data Source=" + Path.Combine(_folder, "raw.duckdb"));
        _raw.Open();
        Execute("CREATE TABLE readings (series_id INTEGER, ts BIGINT, seq BIGINT, value DOUBLE)");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var appender = _raw.CreateAppender("readings"))
        {
            foreach (var p in points)
            {
                if (!ids.TryGetValue(p.Series.Value, out var id))
                {
                    id = ids.Count + 1;
                    ids.Add(p.Series.Value, id);
                }

                appender.CreateRow().AppendValue((int?)id).AppendValue((long?)((p.Timestamp.UtcTicks - DateTime.UnixEpoch.Ticks) / 10)).AppendValue((long?)p.Seq).AppendValue((double?)p.Value).EndRow();
            }
        }

        Execute("CHECKPOINT");
        var rawBytes = new FileInfo(Path.Combine(_folder, "raw.duckdb")).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// bytes/point: historian compacted {stats.BytesPerPoint:F3} ({stats.Bytes} B / {stats.RawPoints}), raw DuckDB arrival order doubles {(double)rawBytes / points.Length:F3}"));
    }

    /// <summary>Closes the stores and deletes the folder.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _historian?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _raw?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Hand-written aggregation over the plain table.</summary>
    [Benchmark(Baseline = true)]
    public int RawDuckDbBuckets()
    {
        using var command = _raw.CreateCommand();
        command.CommandText = """
            SELECT ts - ts % 60000000 AS b, min(value), max(value), avg(value), arg_max(value, ts), count(*)
            FROM readings WHERE series_id = 44 AND ts >= $s AND ts < $e GROUP BY b ORDER BY b
            """;
        command.Parameters.Add(new DuckDBParameter("s", (Day.UtcTicks - DateTime.UnixEpoch.Ticks) / 10));
        command.Parameters.Add(new DuckDBParameter("e", (Day.AddDays(1).UtcTicks - DateTime.UnixEpoch.Ticks) / 10));
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    /// <summary>The historian's bucket query.</summary>
    [Benchmark]
    public int HistorianBuckets() =>
        _historian.QueryBucketsAsync(_series, Day, Day.AddDays(1), TimeSpan.FromMinutes(1)).GetAwaiter().GetResult().Count;

    private void Execute(string sql)
    {
        using var command = _raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
