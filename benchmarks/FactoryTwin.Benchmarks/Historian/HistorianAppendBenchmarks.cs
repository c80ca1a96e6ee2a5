using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Benchmarks.Historian;

/// <summary>
/// Points appended per second: batches of 100,000 realistic points (100 series x 1000 s), each batch newer than the
/// last. Baseline: the raw DuckDB Appender writing the same rows (series id looked up in a dictionary, ts in micros,
/// value as DOUBLE) in one transaction per batch. Results are per point (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class HistorianAppendBenchmarks : IDisposable
{
    private const int BatchPoints = 100_000;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private string _folder = null!;
    private SeriesPoint[] _template = null!;
    private SeriesPoint[] _batch = null!;
    private TelemetryBatch _redelivered = null!;
    private IHistorian _historian = null!;
    private DuckDBConnection _raw = null!;
    private int _shift;

    /// <summary>Creates both stores in a temp folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "factorytwin-bench-append-" + Guid.NewGuid().ToString("N"));
        _template = HistorianBenchmarkData.Generate(100, BatchPoints / 100);
        _batch = new SeriesPoint[_template.Length];
        _historian = HistorianFactory.Create(new HistorianOptions { DataFolder = _folder }, new HistorianBenchmarkData.FixedTime(HistorianBenchmarkData.T0));
        _redelivered = new TelemetryBatch(_template, []);
        _historian.AppendAsync(_redelivered).AsTask().GetAwaiter().GetResult();
        _raw = new DuckDBConnection("Data Source=" + Path.Combine(_folder, "raw.duckdb"));
        _raw.Open();
        using var command = _raw.CreateCommand();
        command.CommandText = "CREATE TABLE readings (series_id INTEGER, ts BIGINT, seq BIGINT, value DOUBLE)";
        command.ExecuteNonQuery();
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

    /// <summary>The raw DuckDB Appender, same rows.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BatchPoints)]
    public void RawDuckDbAppender()
    {
        NextBatch();
        using var transaction = _raw.BeginTransaction();
        using (var appender = _raw.CreateAppender("readings"))
        {
            foreach (var p in _batch)
            {
                if (!_ids.TryGetValue(p.Series.Value, out var id))
                {
                    id = _ids.Count + 1;
                    _ids.Add(p.Series.Value, id);
                }

                appender.CreateRow()
                    .AppendValue((int?)id)
                    .AppendValue((long?)((p.Timestamp.UtcTicks - DateTime.UnixEpoch.Ticks) / 10))
                    .AppendValue((long?)p.Seq)
                    .AppendValue((double?)p.Value)
                    .EndRow();
            }
        }

        transaction.Commit();
    }

    /// <summary>The historian: watermark fast path, decimal encoding, series table update, one transaction.</summary>
    [Benchmark(OperationsPerInvoke = BatchPoints)]
    public void HistorianAppend()
    {
        NextBatch();
        _historian.AppendAsync(new TelemetryBatch(_batch, [])).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The historian given a batch it already stores (a redelivery): staging plus anti-join, nothing inserted.</summary>
    [Benchmark(OperationsPerInvoke = BatchPoints)]
    public void HistorianAppendRedelivered() => _historian.AppendAsync(_redelivered).AsTask().GetAwaiter().GetResult();

    /// <summary>Moves the template 1000 s later, so every batch is new to both stores.</summary>
    private void NextBatch()
    {
        var offset = TimeSpan.FromSeconds(1000 * ++_shift);
        for (var i = 0; i < _template.Length; i++)
        {
            var p = _template[i];
            _batch[i] = p with { Timestamp = p.Timestamp + offset, Seq = p.Seq + (1000 * _shift) };
        }
    }
}
