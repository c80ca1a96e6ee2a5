namespace FactoryTwin.Model.Telemetry;

/// <summary>Validated telemetry handed from ingestion to a store in one transaction.</summary>
/// <param name="Points">The series values.</param>
/// <param name="Parts">The part events.</param>
public sealed record TelemetryBatch(IReadOnlyList<SeriesPoint> Points, IReadOnlyList<PartEvent> Parts)
{
    /// <summary>Gets an empty batch.</summary>
    public static TelemetryBatch Empty { get; } = new([], []);
}
