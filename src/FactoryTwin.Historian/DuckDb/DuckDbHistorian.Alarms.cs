using DuckDB.NET.Data;
using FactoryTwin.Historian.Storage;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>The alarm history: table <c>alarm_events</c>, created on first use; <c>id</c> keeps append order.</summary>
internal sealed partial class DuckDbHistorian : IAlarmHistory
{
    private const string CreateAlarmEvents = """
        CREATE SEQUENCE IF NOT EXISTS alarm_event_id;
        CREATE TABLE IF NOT EXISTS alarm_events (id BIGINT DEFAULT nextval('alarm_event_id'), ts BIGINT NOT NULL, asset VARCHAR NOT NULL, alarm VARCHAR NOT NULL, event VARCHAR NOT NULL, state VARCHAR NOT NULL, priority INTEGER NOT NULL, message VARCHAR NOT NULL, value DOUBLE, user_name VARCHAR, comment VARCHAR);
        """;

    private bool _alarmTableReady;

    public async Task AppendAlarmEventsAsync(IReadOnlyList<AlarmEventRecord> events, CancellationToken cancellationToken = default)
    {
        AlarmEventArguments.Check(events);
        if (events.Count == 0)
        {
            return;
        }

        using var lease = await EnterAsync(cancellationToken);
        EnsureAlarmTable(lease.Connection);
        using var transaction = lease.Connection.BeginTransaction();
        foreach (var e in events)
        {
            Execute(
                lease.Connection,
                "INSERT INTO alarm_events (ts, asset, alarm, event, state, priority, message, value, user_name, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                TimeCodec.ToMicros(e.Timestamp), e.Asset, e.Alarm, e.Event, e.State, e.Priority, e.Message, e.Value, e.User, e.Comment);
        }

        transaction.Commit();
    }

    public async Task<IReadOnlyList<AlarmEventRecord>> QueryAlarmEventsAsync(DateTimeOffset since, DateTimeOffset until, string? asset = null, string? alarm = null, CancellationToken cancellationToken = default)
    {
        HistorianArguments.Range(since, until);
        using var lease = await EnterAsync(cancellationToken);
        EnsureAlarmTable(lease.Connection);
        using var command = lease.Connection.CreateCommand();
        command.CommandText = """
            SELECT ts, asset, alarm, event, state, priority, message, value, user_name, comment FROM alarm_events
            WHERE ts >= $s AND ts < $e AND ($a IS NULL OR asset = $a) AND ($l IS NULL OR alarm = $l) ORDER BY ts, id
            """;
        command.Parameters.Add(new DuckDBParameter("s", TimeCodec.ToMicros(since)));
        command.Parameters.Add(new DuckDBParameter("e", TimeCodec.ToMicros(until)));
        command.Parameters.Add(new DuckDBParameter("a", (object?)asset ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("l", (object?)alarm ?? DBNull.Value));
        using var reader = command.ExecuteReader();
        var result = new List<AlarmEventRecord>();
        while (reader.Read())
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

    private void EnsureAlarmTable(DuckDBConnection connection)
    {
        if (!_alarmTableReady)
        {
            Execute(connection, CreateAlarmEvents);
            _alarmTableReady = true;
        }
    }
}
