namespace FactoryTwin.VirtualPlant.Publishing;

/// <summary>The connection state of one gateway's MQTT client.</summary>
public enum GatewayConnectionState
{
    /// <summary>Not connected yet, or trying to (re)connect.</summary>
    Connecting,

    /// <summary>Connected and publishing.</summary>
    Connected,

    /// <summary>Lost its connection; messages are buffered until it reconnects.</summary>
    Disconnected,

    /// <summary>Stopped at the end of the run.</summary>
    Stopped,
}
