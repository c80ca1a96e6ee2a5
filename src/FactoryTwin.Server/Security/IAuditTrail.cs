namespace FactoryTwin.Server.Security;

/// <summary>Where audit events are kept: a file of one node, or the database a cluster shares.</summary>
internal interface IAuditTrail
{
    /// <summary>Appends an event.</summary>
    /// <param name="auditEvent">The event.</param>
    void Append(AuditEvent auditEvent);

    /// <summary>Gets the most recent events, newest first.</summary>
    /// <param name="limit">The most events returned.</param>
    /// <returns>The events.</returns>
    IReadOnlyList<AuditEvent> Recent(int limit);
}
