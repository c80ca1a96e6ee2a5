using Microsoft.Extensions.Logging;

namespace FactoryTwin.Telemetry.Broker;

/// <summary>The embedded broker's access log messages (event ids 2100–2199). Credentials are never part of a message.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(2100, LogLevel.Warning, "Embedded MQTT broker refused the connection of client {ClientId}: unknown client or wrong credentials")]
    public static partial void ConnectionRefused(ILogger logger, string clientId);

    [LoggerMessage(2101, LogLevel.Warning, "Embedded MQTT broker refused a publish of client {ClientId} ({Reason}) to {Topic} and closed the connection: MQTT 3.1.1 has no reason code to tell the client")]
    public static partial void PublishRefusedDisconnected(ILogger logger, string clientId, string reason, string topic);
}
