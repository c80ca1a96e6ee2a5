namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>Reports how telemetry ingestion is doing; the server's readiness check reads it.</summary>
public interface ITelemetryIngestionStatus
{
    /// <summary>Gets the current view of ingestion.</summary>
    /// <returns>Pending messages, the writer's stage and the time since it last made progress.</returns>
    IngestionHealth GetHealth();
}
