using DuckDB.NET.Data;
using FactoryTwin.Historian.Storage;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>Compaction (sorting by series for compression) and retention (roll up, then drop).</summary>
internal sealed partial class DuckDbHistorian
{
    public async Task<HistorianMaintenanceResult> MaintainAsync(CancellationToken cancellationToken = default)
    {
        using var lease = await EnterAsync(cancellationToken);
        var connection = lease.Connection;
        var now = TimeCodec.ToMicros(_timeProvider.GetUtcNow());

        var window = _options.CompactionWindowMinutes * TimeCodec.MicrosPerMinute;
        var compactBefore = TimeCodec.Floor(now - (_options.CompactionDelayMinutes * TimeCodec.MicrosPerMinute), window);
        var compacted = InTransaction(connection, c => Compact(c, compactBefore));
        cancellationToken.ThrowIfCancellationRequested();

        var rawBefore = TimeCodec.Floor(now - (_options.RawRetentionDays * 1440L * TimeCodec.MicrosPerMinute), TimeCodec.MicrosPerMinute);
        var rollupBefore = TimeCodec.Floor(now - (_options.RollupRetentionDays * 1440L * TimeCodec.MicrosPerMinute), TimeCodec.MicrosPerMinute);
        var rolledUp = InTransaction(connection, c => RollUp(c, rawBefore));
        var droppedRollups = InTransaction(connection, c => Execute(c, "DELETE FROM rollups WHERE bucket < ?", rollupBefore));
        var droppedParts = InTransaction(connection, c => Execute(c, "DELETE FROM parts WHERE ts < ?", rollupBefore));

        // Write the sorted row groups now and reclaim the deleted ones, instead of at the next automatic checkpoint.
        Execute(connection, "CHECKPOINT");
        return new HistorianMaintenanceResult(compacted, rolledUp, droppedRollups, droppedParts);
    }

    /// <summary>
    /// Moves the points of closed windows from <c>points_recent</c> (arrival order: all series interleaved) to
    /// <c>points</c>, sorted by (series, ts, seq). Sorted, each column of a row group holds long runs of one series, so
    /// DuckDB stores series_id as RLE/constant, ts and seq as constant-delta and the mantissas as delta bit-packing.
    /// </summary>
    private static long Compact(DuckDBConnection connection, long before)
    {
        var moved = Execute(connection, "INSERT INTO points SELECT * FROM points_recent WHERE ts < ? ORDER BY series_id, ts, seq", before);
        if (moved > 0)
        {
            Execute(connection, "DELETE FROM points_recent WHERE ts < ?", before);
        }

        return moved;
    }

    /// <summary>Rolls raw points before <paramref name="before"/> into 1-minute buckets (merged with buckets already rolled up by late points) and drops them.</summary>
    private static long RollUp(DuckDBConnection connection, long before)
    {
        var count = Scalar(connection, "SELECT count(*) FROM all_points WHERE ts < ?", before);
        if (count == 0)
        {
            return 0;
        }

        Execute(
            connection,
            """
            CREATE OR REPLACE TEMP TABLE new_rollups AS
            SELECT series_id, ts - (((ts % $m) + $m) % $m) AS bucket, min(value) AS min, max(value) AS max, sum(value) AS sum,
                   count(*) AS count, max({'t': ts, 's': seq}) AS k, arg_max(value, {'t': ts, 's': seq}) AS last_value
            FROM all_points WHERE ts < $before GROUP BY ALL;
            CREATE OR REPLACE TEMP TABLE merged_rollups AS
            SELECT series_id, bucket, min(min) AS min, max(max) AS max, sum(sum) AS sum, sum(count)::BIGINT AS count,
                   max(k) AS k, arg_max(last_value, k) AS last_value
            FROM (
                SELECT * FROM new_rollups
                UNION ALL
                SELECT r.series_id, r.bucket, r.min, r.max, r.sum, r.count, {'t': r.last_ts, 's': r.last_seq}, r.last_value FROM rollups r
                WHERE EXISTS (SELECT 1 FROM new_rollups n WHERE n.series_id = r.series_id AND n.bucket = r.bucket)
            ) GROUP BY series_id, bucket;
            DELETE FROM rollups r WHERE EXISTS (SELECT 1 FROM new_rollups n WHERE n.series_id = r.series_id AND n.bucket = r.bucket);
            INSERT INTO rollups SELECT series_id, bucket, min, max, sum, count, k.t, k.s, last_value FROM merged_rollups ORDER BY series_id, bucket;
            DELETE FROM points WHERE ts < $before;
            DELETE FROM points_recent WHERE ts < $before;
            DROP TABLE new_rollups;
            DROP TABLE merged_rollups;
            """,
            new DuckDBParameter("m", TimeCodec.MicrosPerMinute),
            new DuckDBParameter("before", before));
        return count;
    }

    private static long InTransaction(DuckDBConnection connection, Func<DuckDBConnection, long> work)
    {
        using var transaction = connection.BeginTransaction();
        var result = work(connection);
        transaction.Commit();
        return result;
    }
}
