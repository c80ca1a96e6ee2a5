namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// Where ingestion writes validated telemetry. The durability contract: when <see cref="AppendAsync"/> completes,
/// the whole batch is committed (it survives a crash of the process), and appending a point or part event that is
/// already stored — same series, timestamp and seq — stores nothing new.
/// </summary>
public interface ITelemetryStore
{
    /// <summary>Commits a batch; completes only after the commit is durable.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Cancels the wait; a cancelled append may or may not have committed.</param>
    /// <returns>A task that completes after the commit.</returns>
    ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default);
}
