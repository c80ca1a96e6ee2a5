using FactoryTwin.Historian.Storage;
using FactoryTwin.Model.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace FactoryTwin.Historian.Postgres;

/// <summary>Appending: binary COPY into a staging table, then <c>INSERT … ON CONFLICT DO NOTHING</c>, one transaction.</summary>
internal sealed partial class PostgresHistorian
{
    public async ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Batch(batch);
        if (batch.Points.Count == 0 && batch.Parts.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await EnsureSeriesAsync(connection, batch.Points, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, PostgresSchema.CreateStaging, cancellationToken);
            if (batch.Points.Count > 0)
            {
                await CopyPointsAsync(connection, batch.Points, cancellationToken);
                await ExecuteAsync(
                    connection,
                    """
                    INSERT INTO points SELECT series_id, ts, seq, value FROM stage_points ON CONFLICT DO NOTHING;
                    UPDATE series s SET last_ts = l.ts, last_seq = l.seq, last_value = l.value
                    FROM (SELECT DISTINCT ON (series_id) series_id, ts, seq, value FROM stage_points ORDER BY series_id, ts DESC, seq DESC) l
                    WHERE s.id = l.series_id AND (s.last_ts IS NULL OR (l.ts, l.seq) > (s.last_ts, s.last_seq));
                    """,
                    cancellationToken);
            }

            if (batch.Parts.Count > 0)
            {
                await CopyPartsAsync(connection, batch.Parts, cancellationToken);
                await ExecuteAsync(
                    connection,
                    "INSERT INTO parts SELECT DISTINCT ON (asset, ts, seq, kind, part_id) * FROM stage_parts ON CONFLICT DO NOTHING",
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AppendFailed(_logger, batch.Points.Count, batch.Parts.Count, ex);
            throw;
        }
    }

    /// <summary>Registers unknown series names (committed on their own: an id without points is harmless) and caches their ids.</summary>
    private async Task EnsureSeriesAsync(NpgsqlConnection connection, IReadOnlyList<SeriesPoint> points, CancellationToken cancellationToken)
    {
        List<string>? unknown = null;
        for (var i = 0; i < points.Count; i++)
        {
            var name = points[i].Series.Value;
            if (!_seriesIds.ContainsKey(name))
            {
                unknown ??= [];
                unknown.Add(name);
            }
        }

        if (unknown is null)
        {
            return;
        }

        var names = unknown.Distinct(StringComparer.Ordinal).ToArray();
        await using (var insert = new NpgsqlCommand("INSERT INTO series (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT id, name FROM series WHERE name = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _seriesIds[reader.GetString(1)] = reader.GetInt32(0);
        }
    }

    private async Task CopyPointsAsync(NpgsqlConnection connection, IReadOnlyList<SeriesPoint> points, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync("COPY stage_points (series_id, ts, seq, value) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(_seriesIds[p.Series.Value], NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(TimeCodec.ToMicros(p.Timestamp), NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(p.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(p.Value, NpgsqlDbType.Double, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyPartsAsync(NpgsqlConnection connection, IReadOnlyList<PartEvent> parts, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY stage_parts (asset, ts, seq, kind, part_id, variant, colour, cure, route) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(p.Asset.Value, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(TimeCodec.ToMicros(p.Timestamp), NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(p.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync((short)p.Kind, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(p.PartId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(p.Variant.Value ?? string.Empty, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(p.Colour.Value ?? string.Empty, NpgsqlDbType.Text, cancellationToken);
            if (p.Cure is { } cure)
            {
                await importer.WriteAsync((short)cure, NpgsqlDbType.Smallint, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            if (p.Route is { } route)
            {
                await importer.WriteAsync(route.Value, NpgsqlDbType.Text, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
