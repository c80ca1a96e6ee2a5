using FactoryTwin.Mes.Performance;
using FactoryTwin.Model.Ids;
using FactoryTwin.Server.Cluster;
using Npgsql;
using NpgsqlTypes;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// The cure verdicts of a cluster (<see cref="ICureVerdictStore"/>): one row per body in
/// <c>factorytwin_mes_cure_verdicts</c> (Cluster/Sql/0007), its latest verdict. A batch is written in one statement (an
/// upsert, so nodes that see the same body leave write the same row); the first write and then every
/// <see cref="TrimEvery"/> rows also delete the rows beyond the newest <c>capacity</c> by the order they were written.
/// The writes of one node come from one writer (<see cref="CureVerdictLog"/>).
/// </summary>
internal sealed class PostgresCureVerdictStore : ICureVerdictStore
{
    /// <summary>The table of the verdicts.</summary>
    public const string Table = "factorytwin_mes_cure_verdicts";

    /// <summary>Rows written between two trims: the table holds at most this many more than it keeps.</summary>
    private const int TrimEvery = 1000;

    private readonly NpgsqlDataSource _db;
    private readonly int _capacity;
    private int _sinceTrim = TrimEvery; // the first write trims (the capacity may have been lowered)

    /// <summary>Opens the store; nothing is read until the first access.</summary>
    /// <param name="database">The cluster's database, with the schema applied.</param>
    /// <param name="capacity">How many bodies it keeps, the newest; at least 1.</param>
    public PostgresCureVerdictStore(ClusterDatabase database, int capacity)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _db = database.DataSource;
        _capacity = capacity;
    }

    /// <inheritdoc />
    public string Location => $"{Table} (cluster database)";

    /// <inheritdoc />
    public async Task<IReadOnlyList<BodyQuality>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _db.CreateCommand(
            $"SELECT part_id, oven, verdict, cure_index, worst_point, predicted_at FROM (SELECT * FROM {Table} ORDER BY written DESC LIMIT @n) newest ORDER BY written");
        command.Parameters.AddWithValue("n", _capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var verdicts = new List<BodyQuality>();
        while (await reader.ReadAsync(cancellationToken))
        {
            verdicts.Add(new BodyQuality(reader.GetString(0), new AssetId(reader.GetString(1)), reader.GetString(2), reader.GetDouble(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return verdicts;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database cannot be written; nothing of the batch was kept.</exception>
    public async Task AppendAsync(IReadOnlyList<BodyQuality> verdicts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0)
        {
            return;
        }

        // A body twice in one batch: its last verdict (an upsert cannot touch one row twice in a statement).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<BodyQuality>(verdicts.Count);
        for (int i = verdicts.Count - 1; i >= 0; i--)
        {
            if (seen.Add(verdicts[i].PartId))
            {
                rows.Add(verdicts[i]);
            }
        }

        rows.Reverse();
        await using var batch = _db.CreateBatch();
        var upsert = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {Table} (part_id, oven, verdict, cure_index, worst_point, predicted_at, written)
            SELECT p, o, v, c, w, t, nextval('{Table}_written') FROM unnest(@p, @o, @v, @c, @w, @t) AS r(p, o, v, c, w, t)
            ON CONFLICT (part_id) DO UPDATE SET oven = excluded.oven, verdict = excluded.verdict, cure_index = excluded.cure_index,
                worst_point = excluded.worst_point, predicted_at = excluded.predicted_at, written = excluded.written
            """);
        upsert.Parameters.Add(new NpgsqlParameter<string[]>("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. rows.Select(r => r.PartId)] });
        upsert.Parameters.Add(new NpgsqlParameter<string[]>("o", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. rows.Select(r => r.Oven.Value)] });
        upsert.Parameters.Add(new NpgsqlParameter<string[]>("v", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. rows.Select(r => r.Verdict)] });
        upsert.Parameters.Add(new NpgsqlParameter<double[]>("c", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. rows.Select(r => r.CureIndex)] });
        upsert.Parameters.Add(new NpgsqlParameter<string[]>("w", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. rows.Select(r => r.WorstPoint)] });
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("t", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. rows.Select(r => r.PredictedAt.ToUniversalTime())] });
        batch.BatchCommands.Add(upsert);
        bool trimming = _sinceTrim >= TrimEvery;
        if (trimming)
        {
            var trim = new NpgsqlBatchCommand($"DELETE FROM {Table} WHERE written <= (SELECT written FROM {Table} ORDER BY written DESC OFFSET @n LIMIT 1)");
            trim.Parameters.AddWithValue("n", _capacity);
            batch.BatchCommands.Add(trim);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        _sinceTrim = trimming ? rows.Count : _sinceTrim + rows.Count;
    }
}
