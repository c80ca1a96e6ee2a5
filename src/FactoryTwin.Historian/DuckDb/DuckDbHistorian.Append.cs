using DuckDB.NET.Data;
using FactoryTwin.Historian.Storage;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>Appending: watermark fast path through the Appender, anti-join for the rest, one transaction.</summary>
internal sealed partial class DuckDbHistorian
{
    // Per-batch scratch, reused under the gate: the running newest key of each touched series.
    private int[] _touched = new int[64];
    private int[] _stamp = new int[64];
    private long[] _runTs = new long[64];
    private long[] _runSeq = new long[64];
    private double[] _runValue = new double[64];
    private bool[] _runHas = new bool[64];
    private sbyte[] _scale = new sbyte[64];
    private int[] _slow = new int[256];
    private int _epoch;
    private int _touchedCount;

    /// <summary>Batches of at least this many rows skip the journal: one DuckDB transaction of their own costs little per row.</summary>
    private const int DirectRows = 5_000;

    /// <summary>The journal is written to DuckDB once it holds this many rows, however young.</summary>
    private const int MaxPendingRows = 50_000;

    public async ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Batch(batch);
        if (batch.Points.Count == 0 && batch.Parts.Count == 0)
        {
            return;
        }

        using var lease = await EnterGateAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = batch.Points.Count + batch.Parts.Count;
        if (_options.CommitInterval <= TimeSpan.Zero || rows >= DirectRows)
        {
            // Order is kept: what the journal holds is written first.
            FlushPending(connection);
            Apply(connection, batch);
            return;
        }

        // Durable once this returns: the record is on disk. DuckDB gets it with the others when the interval is up.
        _journal!.Append(batch);
        if (_pending.Count == 0)
        {
            _pendingSince = _timeProvider.GetTimestamp();
        }

        _pending.Add(batch);
        _pendingRows += rows;
        if (_pendingRows >= MaxPendingRows || _timeProvider.GetElapsedTime(_pendingSince) >= _options.CommitInterval)
        {
            try
            {
                FlushPending(connection);
            }
            catch (Exception ex) when (ex is DuckDBException or IOException && _pendingRows < MaxPendingRows)
            {
                // The batch is safe in the journal; the next append or read writes it. Only a full journal pushes back.
                Log.JournalFlushDeferred(_logger, _pendingRows, ex);
            }
        }
    }

    /// <summary>Writes the journal's batches to DuckDB in one transaction, then empties the journal.</summary>
    private void FlushPending(DuckDBConnection connection)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        Apply(connection, _pending.Count == 1 ? _pending[0] : Merge(_pending));
        _pending.Clear();
        _pendingRows = 0;

        // Committed: a crash before this line only replays batches DuckDB already holds, which it stores once.
        _journal!.Clear();
    }

    private static TelemetryBatch Merge(List<TelemetryBatch> batches)
    {
        int points = 0, parts = 0;
        foreach (var b in batches)
        {
            points += b.Points.Count;
            parts += b.Parts.Count;
        }

        var p = new List<SeriesPoint>(points);
        var e = new List<PartEvent>(parts);
        foreach (var b in batches)
        {
            p.AddRange(b.Points);
            e.AddRange(b.Parts);
        }

        return new TelemetryBatch(p, e);
    }

    /// <summary>Writes one batch to DuckDB in one transaction.</summary>
    private void Apply(DuckDBConnection connection, TelemetryBatch batch)
    {
        var transaction = connection.BeginTransaction();
        try
        {
            _touchedCount = AppendPoints(connection, batch.Points);
            if (batch.Parts.Count > 0)
            {
                AppendParts(connection, batch.Parts);
            }

            UpdateSeriesTable(connection, _touchedCount);
            transaction.Commit();
        }
        catch (Exception ex)
        {
            transaction.Rollback();
            _catalog.Rollback();
            Log.AppendFailed(_logger, batch.Points.Count, batch.Parts.Count, ex);
            throw;
        }
        finally
        {
            transaction.Dispose();
        }

        // Only after the commit: the watermarks now describe durable data.
        PublishWatermarks();
        _catalog.Commit();
    }

    /// <summary>
    /// Appends points newer than their series' watermark straight to <c>points_recent</c>, and stages the rest (a
    /// redelivery, or out of order within the batch) for the anti-join. Returns the number of touched series.
    /// </summary>
    private int AppendPoints(DuckDBConnection connection, IReadOnlyList<SeriesPoint> points)
    {
        var n = points.Count;
        if (_slow.Length < n)
        {
            _slow = new int[Math.Max(n, _slow.Length * 2)];
        }

        var epoch = ++_epoch;
        var touchedCount = 0;
        var slowCount = 0;
        using (var appender = connection.CreateAppender("points_recent"))
        {
            for (var i = 0; i < n; i++)
            {
                var point = points[i];
                var id = _catalog.GetOrAdd(point.Series.Value);
                if (id >= _stamp.Length)
                {
                    GrowScratch(id);
                }

                if (_stamp[id] != epoch)
                {
                    _stamp[id] = epoch;
                    _touched[touchedCount++] = id;
                    _runHas[id] = _catalog.HasLast(id);
                    _runTs[id] = _catalog.LastTs(id);
                    _runSeq[id] = _catalog.LastSeq(id);
                    _runValue[id] = _catalog.LastValue(id);
                }

                var ts = TimeCodec.ToMicros(point.Timestamp);
                var seq = point.Seq;

                // Strictly newer than every stored key of the series (and every earlier point of this batch):
                // it cannot be a duplicate, so it skips the check.
                if (!_runHas[id] || ts > _runTs[id] || (ts == _runTs[id] && seq > _runSeq[id]))
                {
                    _runHas[id] = true;
                    _runTs[id] = ts;
                    _runSeq[id] = seq;
                    _runValue[id] = point.Value;
                    _scale[id] = AppendRow(appender, id, ts, seq, point.Value, _scale[id]);
                }
                else
                {
                    _slow[slowCount++] = i;
                }
            }
        }

        if (slowCount > 0)
        {
            AppendChecked(connection, points, slowCount);
        }

        return touchedCount;
    }

    /// <summary>Stages the points that may be stored already and inserts those whose key is not.</summary>
    private void AppendChecked(DuckDBConnection connection, IReadOnlyList<SeriesPoint> points, int slowCount)
    {
        var minTs = long.MaxValue;
        var maxTs = long.MinValue;
        using (var appender = connection.CreateAppender("temp", "main", "stage_points"))
        {
            for (var k = 0; k < slowCount; k++)
            {
                var point = points[_slow[k]];
                _catalog.TryGetId(point.Series.Value, out var id);
                var ts = TimeCodec.ToMicros(point.Timestamp);
                minTs = Math.Min(minTs, ts);
                maxTs = Math.Max(maxTs, ts);
                AppendRow(appender, id, ts, point.Seq, point.Value, _scale[id]);
            }
        }

        // The ts bounds are constants, so DuckDB prunes row groups by their zone maps: a redelivered recent batch
        // reads only the recent row groups, not the whole history.
        Execute(
            connection,
            """
            INSERT INTO points_recent
            SELECT series_id, ts, seq, any_value(mant), any_value(scale), any_value(fvalue) FROM stage_points s
            WHERE NOT EXISTS (SELECT 1 FROM points p WHERE p.ts >= ? AND p.ts <= ? AND p.series_id = s.series_id AND p.ts = s.ts AND p.seq = s.seq)
              AND NOT EXISTS (SELECT 1 FROM points_recent r WHERE r.ts >= ? AND r.ts <= ? AND r.series_id = s.series_id AND r.ts = s.ts AND r.seq = s.seq)
            GROUP BY series_id, ts, seq;
            """,
            minTs,
            maxTs,
            minTs,
            maxTs);
        Execute(connection, "DELETE FROM stage_points");
    }

    /// <summary>Appends one row and returns the scale to prefer for the series' next value.</summary>
    private static sbyte AppendRow(DuckDBAppender appender, int id, long ts, long seq, double value, sbyte preferredScale)
    {
        var row = appender.CreateRow().AppendValue((int?)id).AppendValue((long?)ts).AppendValue((long?)seq);
        if (DecimalValueCodec.TryEncode(value, out var mantissa, out var scale, preferredScale))
        {
            row.AppendValue((long?)mantissa).AppendValue((sbyte?)scale).AppendNullValue().EndRow();
            return scale;
        }

        row.AppendNullValue().AppendNullValue().AppendValue((double?)value).EndRow();
        return preferredScale;
    }

    private static void AppendParts(DuckDBConnection connection, IReadOnlyList<PartEvent> parts)
    {
        using (var appender = connection.CreateAppender("temp", "main", "stage_parts"))
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var p = parts[i];
                appender.CreateRow()
                    .AppendValue(p.Asset.Value)
                    .AppendValue((long?)TimeCodec.ToMicros(p.Timestamp))
                    .AppendValue((long?)p.Seq)
                    .AppendValue((sbyte?)(sbyte)p.Kind)
                    .AppendValue(p.PartId)
                    .AppendValue(p.Variant.Value ?? string.Empty)
                    .AppendValue(p.Colour.Value ?? string.Empty)
                    .AppendValue(p.Cure is { } cure ? (sbyte?)(sbyte)cure : null)
                    .AppendValue(p.Route?.Value)
                    .EndRow();
            }
        }

        Execute(
            connection,
            """
            INSERT OR IGNORE INTO parts
            SELECT asset, ts, seq, kind, part_id, any_value(variant), any_value(colour), any_value(cure), any_value(route) FROM stage_parts
            GROUP BY asset, ts, seq, kind, part_id;
            DELETE FROM stage_parts;
            """);
    }

    /// <summary>Writes new series and moved watermarks to the <c>series</c> table, inside the append's transaction.</summary>
    private void UpdateSeriesTable(DuckDBConnection connection, int touchedCount)
    {
        var firstNew = _catalog.CommittedCount + 1;
        var changed = 0;
        using (var appender = connection.CreateAppender("temp", "main", "stage_latest"))
        {
            for (var k = 0; k < touchedCount; k++)
            {
                var id = _touched[k];
                if (id >= firstNew || !_runHas[id])
                {
                    continue;
                }

                if (!_catalog.HasLast(id) || _runTs[id] != _catalog.LastTs(id) || _runSeq[id] != _catalog.LastSeq(id))
                {
                    appender.CreateRow().AppendValue((int?)id).AppendValue((long?)_runTs[id]).AppendValue((long?)_runSeq[id]).AppendValue((double?)_runValue[id]).EndRow();
                    changed++;
                }
            }
        }

        if (changed > 0)
        {
            Execute(
                connection,
                """
                UPDATE series SET last_ts = l.ts, last_seq = l.seq, last_value = l.value FROM stage_latest l WHERE series.id = l.id;
                DELETE FROM stage_latest;
                """);
        }

        // New series are inserted with their watermark, so no row is both inserted and updated in one transaction.
        var pending = _catalog.PendingNames;
        for (var k = 0; k < pending.Count; k++)
        {
            var id = firstNew + k;
            Execute(
                connection,
                "INSERT INTO series VALUES (?, ?, ?, ?, ?)",
                id,
                pending[k],
                _runHas[id] ? _runTs[id] : null,
                _runHas[id] ? _runSeq[id] : null,
                _runHas[id] ? _runValue[id] : null);
        }
    }

    private void PublishWatermarks()
    {
        for (var k = 0; k < _touchedCount; k++)
        {
            var id = _touched[k];
            if (_runHas[id])
            {
                _catalog.SetLast(id, _runTs[id], _runSeq[id], _runValue[id]);
            }
        }
    }

    private void GrowScratch(int id)
    {
        var size = Math.Max(id + 1, _stamp.Length * 2);
        Array.Resize(ref _touched, size);
        Array.Resize(ref _stamp, size);
        Array.Resize(ref _runTs, size);
        Array.Resize(ref _runSeq, size);
        Array.Resize(ref _runValue, size);
        Array.Resize(ref _runHas, size);
        Array.Resize(ref _scale, size);
    }
}
