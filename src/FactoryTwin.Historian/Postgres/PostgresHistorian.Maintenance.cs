using FactoryTwin.Historian.Storage;

namespace FactoryTwin.Historian.Postgres;

/// <summary>Retention: roll raw points up into 1-minute buckets, then drop them. (No compaction: a row store gains nothing from it.)</summary>
internal sealed partial class PostgresHistorian
{
    public async Task<HistorianMaintenanceResult> MaintainAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var now = NowMicros();
        var rawBefore = TimeCodec.Floor(now - (_options.RawRetentionDays * 1440L * TimeCodec.MicrosPerMinute), TimeCodec.MicrosPerMinute);
        var rollupBefore = TimeCodec.Floor(now - (_options.RollupRetentionDays * 1440L * TimeCodec.MicrosPerMinute), TimeCodec.MicrosPerMinute);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A minute that late points reach after it was rolled up is merged into its existing bucket.
        await ExecuteAsync(
            connection,
            """
            INSERT INTO rollups AS r (series_id, bucket, min, max, sum, count, last_ts, last_seq, last_value)
            SELECT series_id, ts - (((ts % 60000000) + 60000000) % 60000000), min(value), max(value), sum(value), count(*),
                   (array_agg(ts ORDER BY ts DESC, seq DESC))[1], (array_agg(seq ORDER BY ts DESC, seq DESC))[1], (array_agg(value ORDER BY ts DESC, seq DESC))[1]
            FROM points WHERE ts < $1 GROUP BY 1, 2
            ON CONFLICT (series_id, bucket) DO UPDATE SET
                min = LEAST(r.min, EXCLUDED.min), max = GREATEST(r.max, EXCLUDED.max), sum = r.sum + EXCLUDED.sum, count = r.count + EXCLUDED.count,
                last_ts = CASE WHEN (EXCLUDED.last_ts, EXCLUDED.last_seq) > (r.last_ts, r.last_seq) THEN EXCLUDED.last_ts ELSE r.last_ts END,
                last_seq = CASE WHEN (EXCLUDED.last_ts, EXCLUDED.last_seq) > (r.last_ts, r.last_seq) THEN EXCLUDED.last_seq ELSE r.last_seq END,
                last_value = CASE WHEN (EXCLUDED.last_ts, EXCLUDED.last_seq) > (r.last_ts, r.last_seq) THEN EXCLUDED.last_value ELSE r.last_value END
            """,
            cancellationToken,
            rawBefore);
        var rolledUp = await ExecuteAsync(connection, "DELETE FROM points WHERE ts < $1", cancellationToken, rawBefore);
        var droppedRollups = await ExecuteAsync(connection, "DELETE FROM rollups WHERE bucket < $1", cancellationToken, rollupBefore);
        var droppedParts = await ExecuteAsync(connection, "DELETE FROM parts WHERE ts < $1", cancellationToken, rollupBefore);
        await transaction.CommitAsync(cancellationToken);
        return new HistorianMaintenanceResult(0, rolledUp, droppedRollups, droppedParts);
    }
}
