namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// Receives every telemetry batch after the <see cref="ITelemetryStore"/> has committed it (the live twin is one).
/// Ingestion calls each registered observer in registration order and waits for it before acknowledging the batch's
/// messages, so a slow observer slows ingestion down instead of losing data. An observer that throws is logged and
/// counted; ingestion goes on, and the batch stays committed.
/// </summary>
public interface ITelemetryBatchObserver
{
    /// <summary>Handles a committed batch. The batch is not changed afterwards and may be kept.</summary>
    /// <param name="batch">The committed batch.</param>
    /// <param name="cancellationToken">Cancelled when ingestion stops.</param>
    /// <returns>A task that completes when the observer has handled the batch.</returns>
    ValueTask OnCommittedAsync(TelemetryBatch batch, CancellationToken cancellationToken = default);
}
