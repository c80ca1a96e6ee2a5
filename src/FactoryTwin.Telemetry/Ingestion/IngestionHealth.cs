namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>A moment's view of telemetry ingestion, for readiness checks and diagnostics.</summary>
/// <param name="Pending">Messages accepted and not yet settled (committed or rejected, then acknowledged).</param>
/// <param name="Stage">Where the writer is.</param>
/// <param name="SinceProgress">Wall time since the writer last settled a batch or took one up, or since a message came when nothing was pending; zero when nothing is pending.</param>
/// <param name="StallTimeout">How long pending messages may wait without progress before ingestion counts as stuck.</param>
/// <param name="HeldBytes">Bytes of the memory budget held by pending messages.</param>
/// <param name="WaitingReceivers">Receivers (broker connections) waiting for room in the memory budget.</param>
public sealed record IngestionHealth(long Pending, IngestionStage Stage, TimeSpan SinceProgress, TimeSpan StallTimeout, long HeldBytes, int WaitingReceivers)
{
    /// <summary>Gets whether messages are pending and nothing has been settled for longer than <see cref="StallTimeout"/>.</summary>
    public bool IsStalled => Pending > 0 && SinceProgress > StallTimeout;

    /// <summary>Gets the stage's name as the readiness check reports it.</summary>
    public string StageName => Stage switch
    {
        IngestionStage.StoreCommit => "store commit",
        IngestionStage.StoreRetry => "store commit (failing, retrying)",
        IngestionStage.BatchObservers => "batch observers (live twin)",
        _ => "waiting for messages",
    };
}
