using FactoryTwin.Historian.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FactoryTwin.Historian.Postgres;

/// <summary>The alarm history: table <c>alarm_events</c>, created on first use; <c>id</c> keeps append order.</summary>
internal sealed partial class PostgresHistorian : IAlarmHistory
{
    private const string CreateAlarmEvents = """
        CREATE TABLE IF NOT EXISTS alarm_events (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ts BIGINT NOT NULL, asset TEXT NOT NULL, alarm TEXT NOT NULL, event TEXT NOT NULL, state TEXT NOT NULL, priority INTEGER NOT NULL, message TEXT NOT NULL, value DOUBLE PRECISION, user_name TEXT, comment TEXT);
        CREATE INDEX IF NOT EXISTS alarm_events_ts ON alarm_events (ts);
        """;

    private volatile bool _alarmTableReady;

    public async Task AppendAlarmEventsAsync(IReadOnlyList<AlarmEventRecord> events, CancellationToken cancellationToken = default)
    {
        AlarmEventArguments.Check(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAlarmsAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var e in events)
        {
            await ExecuteAsync(
                connection,
                "INSERT INTO alarm_events (ts, asset, alarm, event, state, priority, message, value, user_name, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                cancellationToken,
                TimeCodec.ToMicros(e.Timestamp), e.Asset, e.Alarm, e.Event, e.State, e.Priority, e.Message, e.Value, e.User, e.Comment);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlarmEventRecord>> QueryAlarmEventsAsync(DateTimeOffset since, DateTimeOffset until, string? asset = null, string? alarm = null, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Range(since, until);
        await using var connection = await OpenAlarmsAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT ts, asset, alarm, event, state, priority, message, value, user_name, comment FROM alarm_events
            WHERE ts >= $1 AND ts < $2 AND ($3::text IS NULL OR asset = $3) AND ($4::text IS NULL OR alarm = $4) ORDER BY ts, id
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(since) });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeCodec.ToMicros(until) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)asset ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)alarm ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<AlarmEventRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AlarmEventRecord(
                TimeCodec.FromMicros(reader.GetInt64(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return result;
    }

    private async ValueTask<NpgsqlConnection> OpenAlarmsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (!_alarmTableReady)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, PostgresSchema.SchemaLockKey);
                await ExecuteAsync(connection, CreateAlarmEvents, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                _alarmTableReady = true;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        return connection;
    }
}
