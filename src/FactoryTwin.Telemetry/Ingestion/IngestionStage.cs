namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>Where the ingestion writer is.</summary>
public enum IngestionStage
{
    /// <summary>Waiting for messages.</summary>
    Idle,

    /// <summary>Committing a batch to the store (historian).</summary>
    StoreCommit,

    /// <summary>Retrying a store commit that failed.</summary>
    StoreRetry,

    /// <summary>Handing a committed batch to the batch observers (the live twin).</summary>
    BatchObservers,
}
