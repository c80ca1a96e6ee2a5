namespace FactoryTwin.Telemetry.Broker;

/// <summary>
/// The MQTT 5 Receive Maximum of one client connection, enforced by the embedded broker: a QoS 1/2 PUBLISH to the client
/// waits for a slot, and the client's PUBACK/PUBCOMP frees one [MQTT-3.3.4-9]. MQTTnet 5.2 does not enforce it itself,
/// so without this a slow subscriber's own receive queue, not the broker, would hold the backlog.
/// </summary>
internal sealed class FlowWindow : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public FlowWindow(int size)
    {
        Size = size;
        _slots = new SemaphoreSlim(size);
    }

    /// <summary>Gets the number of unacknowledged messages allowed.</summary>
    public int Size { get; }

    /// <summary>Waits for a free slot.</summary>
    /// <param name="cancellationToken">Ends the wait when the connection closes.</param>
    /// <returns>A task that completes when a slot is taken.</returns>
    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>Frees a slot.</summary>
    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
