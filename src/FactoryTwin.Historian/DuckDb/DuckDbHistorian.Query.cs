using System.Globalization;
using System.Text;
using FactoryTwin.Historian.Storage;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>Queries.</summary>
internal sealed partial class DuckDbHistorian
{
    public async Task<IReadOnlyList<SeriesPoint>> QueryRangeAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Series(series);
        HistorianArguments.Range(since, until);
        using var lease = await EnterAsync(cancellationToken);
        var result = new List<SeriesPoint>();
        if (!_catalog.TryGetId(series.Value, out var id))
        {
            return result;
        }

        using var command = lease.Connection.CreateCommand();
        command.CommandText = "SELECT ts, seq, value FROM all_points WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts, seq";
        AddParameters(command, id, TimeCodec.ToMicros(since), TimeCodec.ToMicros(until));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new SeriesPoint(series, TimeCodec.FromMicros(reader.GetInt64(0)), reader.GetDouble(2), reader.GetInt64(1)));
        }

        return result;
    }

    public async Task<IReadOnlyList<BucketAggregate>> QueryBucketsAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Series(series);
        HistorianArguments.Range(since, until);
        var width = HistorianArguments.Bucket(bucket);
        using var lease = await EnterAsync(cancellationToken);
        var result = new List<BucketAggregate>();
        if (!_catalog.TryGetId(series.Value, out var id))
        {
            return result;
        }

        // Raw points and roll-ups never overlap: retention moves a minute to the roll-ups and deletes its raw points
        // in one transaction. The last value is the one with the greatest (ts, seq).
        using var command = lease.Connection.CreateCommand();
        command.CommandText = """
            WITH parts AS (
                SELECT ts - (((ts % $w) + $w) % $w) AS b, min(value) AS mn, max(value) AS mx, sum(value) AS sm, count(*) AS c,
                       max({'t': ts, 's': seq}) AS k, arg_max(value, {'t': ts, 's': seq}) AS lv
                FROM all_points WHERE series_id = $id AND ts >= $s AND ts < $e GROUP BY b
                UNION ALL
                SELECT bucket - (((bucket % $w) + $w) % $w) AS b, min(min), max(max), sum(sum), sum(count)::BIGINT,
                       max({'t': last_ts, 's': last_seq}), arg_max(last_value, {'t': last_ts, 's': last_seq})
                FROM rollups WHERE series_id = $id AND bucket >= $s AND bucket < $e GROUP BY 1
            )
            SELECT b, min(mn), max(mx), sum(sm) / sum(c), arg_max(lv, k), sum(c)::BIGINT FROM parts GROUP BY b ORDER BY b
            """;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("w", width));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("id", id));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("s", TimeCodec.ToMicros(since)));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("e", TimeCodec.ToMicros(until)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new BucketAggregate(
                TimeCodec.FromMicros(reader.GetInt64(0)),
                reader.GetDouble(1),
                reader.GetDouble(2),
                reader.GetDouble(3),
                reader.GetDouble(4),
                reader.GetInt64(5)));
        }

        return result;
    }

    public async Task<IReadOnlyList<SeriesPoint>> GetLatestAsync(IReadOnlyCollection<SeriesId>? series = null, CancellationToken cancellationToken = default)
    {
        HistorianArguments.SeriesList(series);
        using var lease = await EnterAsync(cancellationToken);

        // The catalog mirrors the series table's watermarks, so no query is needed.
        var result = new List<SeriesPoint>();
        if (series is null)
        {
            for (var id = 1; id <= _catalog.Count; id++)
            {
                AddLatest(result, id);
            }
        }
        else
        {
            foreach (var s in series)
            {
                if (_catalog.TryGetId(s.Value, out var id))
                {
                    AddLatest(result, id);
                }
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Series.Value, b.Series.Value));
        return result;
    }

    public async Task<IReadOnlyList<StateInterval>> QueryStateIntervalsAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Series(series);
        HistorianArguments.Range(since, until);
        using var lease = await EnterAsync(cancellationToken);
        var s = TimeCodec.ToMicros(since);
        var e = TimeCodec.ToMicros(until);
        if (!_catalog.TryGetId(series.Value, out var id))
        {
            return [];
        }

        var points = new List<(long Ts, double Value)>();
        using var command = lease.Connection.CreateCommand();
        command.CommandText = """
            SELECT ts, seq, value FROM (SELECT ts, seq, value FROM all_points WHERE series_id = $id AND ts < $s ORDER BY ts DESC, seq DESC LIMIT 1)
            UNION ALL
            SELECT ts, seq, value FROM all_points WHERE series_id = $id AND ts >= $s AND ts < $e
            ORDER BY ts, seq
            """;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("id", id));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("s", s));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("e", e));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            points.Add((reader.GetInt64(0), reader.GetDouble(2)));
        }

        return StateIntervalBuilder.Build(points, s, e);
    }

    public async Task<IReadOnlyList<PartEvent>> QueryPartEventsAsync(DateTimeOffset since, DateTimeOffset until, AssetId? asset = null, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Range(since, until);
        HistorianArguments.Asset(asset);
        using var lease = await EnterAsync(cancellationToken);
        using var command = lease.Connection.CreateCommand();
        command.CommandText = "SELECT asset, ts, kind, part_id, variant, colour, seq, cure, route FROM parts WHERE ts >= ? AND ts < ?"
            + (asset is null ? string.Empty : " AND asset = ?")
            + " ORDER BY ts, asset, seq, kind, part_id";
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(TimeCodec.ToMicros(since)));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(TimeCodec.ToMicros(until)));
        if (asset is { } a)
        {
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(a.Value));
        }

        var result = new List<PartEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(PartEventRow.Read(reader));
        }

        return result;
    }

    public async Task<long> ExportParquetAsync(string path, DateTimeOffset since, DateTimeOffset until, IReadOnlyCollection<SeriesId>? series = null, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Path(path);
        HistorianArguments.Range(since, until);
        HistorianArguments.SeriesList(series);
        using var lease = await EnterAsync(cancellationToken);

        // COPY takes no parameters; every literal below is a number, and the path is quoted by CopySql.
        var sql = new StringBuilder()
            .Append("SELECT s.name AS series, p.ts, p.seq, p.value FROM all_points p JOIN series s ON s.id = p.series_id WHERE p.ts >= ")
            .Append(TimeCodec.ToMicros(since).ToString(CultureInfo.InvariantCulture))
            .Append(" AND p.ts < ")
            .Append(TimeCodec.ToMicros(until).ToString(CultureInfo.InvariantCulture));
        if (series is not null)
        {
            sql.Append(" AND p.series_id IN (0");
            foreach (var s in series)
            {
                if (_catalog.TryGetId(s.Value, out var id))
                {
                    sql.Append(',').Append(id.ToString(CultureInfo.InvariantCulture));
                }
            }

            sql.Append(')');
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var rows = Execute(lease.Connection, ParquetRowWriter.CopySql(sql.ToString(), path));
        Log.Exported(_logger, rows, path);
        return rows;
    }

    public async Task<HistorianStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        using var lease = await EnterAsync(cancellationToken);
        var connection = lease.Connection;
        var raw = Scalar(connection, "SELECT (SELECT count(*) FROM points) + (SELECT count(*) FROM points_recent)");
        var rollups = Scalar(connection, "SELECT count(*) FROM rollups");
        var bytes = Scalar(connection, "SELECT used_blocks * block_size FROM pragma_database_size() WHERE database_name = current_database()");
        var wal = new FileInfo(_path + ".wal");
        return new HistorianStatistics(raw, rollups, bytes + (wal.Exists ? wal.Length : 0));
    }

    private void AddLatest(List<SeriesPoint> result, int id)
    {
        if (_catalog.HasLast(id))
        {
            result.Add(new SeriesPoint(new SeriesId(_catalog.NameOf(id)), TimeCodec.FromMicros(_catalog.LastTs(id)), _catalog.LastValue(id), _catalog.LastSeq(id)));
        }
    }

    private static void AddParameters(DuckDB.NET.Data.DuckDBCommand command, int id, long since, long until)
    {
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(id));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(since));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(until));
    }
}
