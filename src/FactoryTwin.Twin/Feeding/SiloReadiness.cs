namespace FactoryTwin.Twin.Feeding;

/// <summary>
/// Completes when the co-hosted silo is active. Telemetry ingestion may start before the silo (hosted services start in
/// registration order), so the feeding observer waits for this instead of failing on the first batches: ingestion holds
/// their acknowledgements meanwhile, and nothing committed to the historian is missing from the twins.
/// </summary>
internal sealed class SiloReadiness : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes when the silo is active.</summary>
    public Task Active => _active.Task;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(SiloReadiness),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _active.TrySetResult();
                return Task.CompletedTask;
            },
            _ => Task.CompletedTask);
    }
}
