using FactoryTwin.Server.Cluster;

namespace FactoryTwin.Server.Security;

/// <summary>The audit trail of a cluster: rows in <c>factorytwin_audit</c>, so every node lists what happened on every node.</summary>
internal sealed class PostgresAuditTrail : IAuditTrail
{
    private readonly ClusterDatabase _database;

    public PostgresAuditTrail(ClusterDatabase database)
    {
        _database = database;
    }

    public void Append(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        using var command = _database.DataSource.CreateCommand(
            "INSERT INTO factorytwin_audit (at, kind, actor, target, address) VALUES (@at, @kind, @actor, @target, @address)");
        command.Parameters.AddWithValue("at", auditEvent.Time.ToUniversalTime());
        command.Parameters.AddWithValue("kind", auditEvent.Kind);
        command.Parameters.AddWithValue("actor", (object?)auditEvent.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("target", (object?)auditEvent.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("address", (object?)auditEvent.Address ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<AuditEvent> Recent(int limit)
    {
        using var command = _database.DataSource.CreateCommand(
            "SELECT at, kind, actor, target, address FROM factorytwin_audit ORDER BY id DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        using var reader = command.ExecuteReader();
        var events = new List<AuditEvent>();
        while (reader.Read())
        {
            events.Add(new AuditEvent(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return events;
    }
}
