using FactoryTwin.Historian.Storage;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace FactoryTwin.Historian.Postgres;

/// <summary>Queries; the same results as the DuckDB historian (the conformance suite checks both).</summary>
internal sealed partial class PostgresHistorian
{
    public async Task<IReadOnlyList<SeriesPoint>> QueryRangeAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Series(series);
        HistorianArguments.Range(since, until);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT p.ts, p.seq, p.value FROM points p JOIN series s ON s.id = p.series_id WHERE s.name = $1 AND p.ts >= $2 AND p.ts < $3 ORDER BY p.ts, p.seq",
            connection);
        AddRange(command, series, since, until);
        var result = new List<SeriesPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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
        await using var connection = await OpenAsync(cancellationToken);

        // As in DuckDB: raw points and roll-ups never overlap; the last value is the one with the greatest (ts, seq).
        await using var command = new NpgsqlCommand(
            """
            WITH sid AS (SELECT id FROM series WHERE name = $1),
            parts AS (
                SELECT ts - (((ts % $4) + $4) % $4) AS b, min(value) AS mn, max(value) AS mx, sum(value) AS sm, count(*)::bigint AS c,
                       (array_agg(ts ORDER BY ts DESC, seq DESC))[1] AS lt, (array_agg(seq ORDER BY ts DESC, seq DESC))[1] AS ls,
                       (array_agg(value ORDER BY ts DESC, seq DESC))[1] AS lv
                FROM points WHERE series_id = (SELECT id FROM sid) AND ts >= $2 AND ts < $3 GROUP BY 1
                UNION ALL
                SELECT bucket - (((bucket % $4) + $4) % $4), min(min), max(max), sum(sum), sum(count)::bigint,
                       (array_agg(last_ts ORDER BY last_ts DESC, last_seq DESC))[1], (array_agg(last_seq ORDER BY last_ts DESC, last_seq DESC))[1],
                       (array_agg(last_value ORDER BY last_ts DESC, last_seq DESC))[1]
                FROM rollups WHERE series_id = (SELECT id FROM sid) AND bucket >= $2 AND bucket < $3 GROUP BY 1
            )
            SELECT b, min(mn), max(mx), sum(sm) / sum(c)::double precision, (array_agg(lv ORDER BY lt DESC, ls DESC))[1], sum(c)::bigint
            FROM parts GROUP BY b ORDER BY b
            """,
            connection);
        AddRange(command, series, since, until);
        command.Parameters.Add(new NpgsqlParameter { Value = width, NpgsqlDbType = NpgsqlDbType.Bigint });
        var result = new List<BucketAggregate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT name, last_ts, last_seq, last_value FROM series WHERE last_ts IS NOT NULL" + (series is null ? string.Empty : " AND name = ANY($1)"),
            connection);
        if (series is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = series.Select(s => s.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        var result = new List<SeriesPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SeriesPoint(new SeriesId(reader.GetString(0)), TimeCodec.FromMicros(reader.GetInt64(1)), reader.GetDouble(3), reader.GetInt64(2)));
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Series.Value, b.Series.Value));
        return result;
    }

    public async Task<IReadOnlyList<StateInterval>> QueryStateIntervalsAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Series(series);
        HistorianArguments.Range(since, until);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH sid AS (SELECT id FROM series WHERE name = $1)
            SELECT ts, seq, value FROM (SELECT ts, seq, value FROM points WHERE series_id = (SELECT id FROM sid) AND ts < $2 ORDER BY ts DESC, seq DESC LIMIT 1) a
            UNION ALL
            SELECT ts, seq, value FROM points WHERE series_id = (SELECT id FROM sid) AND ts >= $2 AND ts < $3
            ORDER BY 1, 2
            """,
            connection);
        AddRange(command, series, since, until);
        var points = new List<(long Ts, double Value)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                points.Add((reader.GetInt64(0), reader.GetDouble(2)));
            }
        }

        return StateIntervalBuilder.Build(points, TimeCodec.ToMicros(since), TimeCodec.ToMicros(until));
    }

    public async Task<IReadOnlyList<PartEvent>> QueryPartEventsAsync(DateTimeOffset since, DateTimeOffset until, AssetId? asset = null, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Range(since, until);
        HistorianArguments.Asset(asset);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT asset, ts, kind, part_id, variant, colour, seq, cure, route FROM parts WHERE ts >= $1 AND ts < $2"
            + (asset is null ? string.Empty : " AND asset = $3")
            + " ORDER BY ts, asset COLLATE \"C\", seq, kind, part_id COLLATE \"C\"",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(since) });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(until) });
        if (asset is { } a)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = a.Value });
        }

        var result = new List<PartEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT s.name, p.ts, p.seq, p.value FROM points p JOIN series s ON s.id = p.series_id WHERE p.ts >= $1 AND p.ts < $2"
            + (series is null ? string.Empty : " AND s.name = ANY($3)"),
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(since) });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(until) });
        if (series is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = series.Select(s => s.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        // PostgreSQL has no Parquet writer: stream the rows into an in-memory DuckDB, which writes the same file layout.
        using var writer = new ParquetRowWriter();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                writer.Add(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3));
            }
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var rows = writer.Complete(path);
        Log.Exported(_logger, rows, path);
        return rows;
    }

    public async Task<HistorianStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var raw = await ScalarAsync(connection, "SELECT count(*) FROM points", cancellationToken);
        var rollups = await ScalarAsync(connection, "SELECT count(*) FROM rollups", cancellationToken);
        var bytes = await ScalarAsync(
            connection,
            "SELECT pg_total_relation_size('series') + pg_total_relation_size('points') + pg_total_relation_size('rollups') + pg_total_relation_size('parts')",
            cancellationToken);
        return new HistorianStatistics(raw, rollups, bytes);
    }

    private static void AddRange(NpgsqlCommand command, SeriesId series, DateTimeOffset since, DateTimeOffset until)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = series.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(since), NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(until), NpgsqlDbType = NpgsqlDbType.Bigint });
    }
}
