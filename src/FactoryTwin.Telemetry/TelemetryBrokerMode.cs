namespace FactoryTwin.Telemetry;

/// <summary>Which MQTT broker ingestion subscribes to.</summary>
public enum TelemetryBrokerMode
{
    /// <summary>The embedded MQTTnet broker, started in this process on <see cref="TelemetryOptions.Port"/> (loopback by default).</summary>
    Embedded,

    /// <summary>An external broker (mosquitto, EMQX, HiveMQ) at <see cref="TelemetryOptions.Host"/>:<see cref="TelemetryOptions.Port"/>.</summary>
    External,
}
