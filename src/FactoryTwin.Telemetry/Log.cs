using Microsoft.Extensions.Logging;

namespace FactoryTwin.Telemetry;

/// <summary>The module's log messages (event ids 2000–2999).</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Embedded MQTT broker listening on {Address}:{Port}")]
    public static partial void BrokerStarted(ILogger logger, string address, int port);

    [LoggerMessage(2001, LogLevel.Information, "Embedded MQTT broker stopped")]
    public static partial void BrokerStopped(ILogger logger);

    [LoggerMessage(2002, LogLevel.Information, "Embedded MQTT broker takes no more messages; everything it took is committed ({Held} acknowledgements still leaving)")]
    public static partial void BrokerDrained(ILogger logger, long held);

    [LoggerMessage(2003, LogLevel.Warning, "The shutdown time ran out before the embedded MQTT broker's messages were committed: {Pending} messages stay unacknowledged, and their devices send them again to the next run")]
    public static partial void BrokerDrainCut(ILogger logger, long pending);

    [LoggerMessage(2010, LogLevel.Information, "Telemetry ingestion connected to {Host}:{Port} as {ClientId}, subscribed to {Filter} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, string filter, bool sessionPresent);

    [LoggerMessage(2014, LogLevel.Warning, "Telemetry ingestion is not subscribed at {Host}:{Port} after {Seconds} s; the host starts anyway and ingestion keeps trying (messages published before it subscribes are not received)")]
    public static partial void StartedWithoutSubscription(ILogger logger, string host, int port, double seconds);

    [LoggerMessage(2011, LogLevel.Warning, "Telemetry ingestion cannot connect to {Host}:{Port}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string host, int port, TimeSpan delay);

    [LoggerMessage(2012, LogLevel.Warning, "Telemetry ingestion lost its connection ({Reason}); reconnecting")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(2013, LogLevel.Warning, "Subscription to {Filter} was refused: {ResultCode}")]
    public static partial void SubscribeRefused(ILogger logger, string filter, string resultCode);

    [LoggerMessage(2020, LogLevel.Warning, "Telemetry rejected ({Reason}) from publisher {Publisher} on {Topic}: {Detail}; further rejections for this reason and publisher are counted but not logged for {Interval}")]
    public static partial void Rejected(ILogger logger, string reason, string publisher, string topic, string detail, TimeSpan interval);

    [LoggerMessage(2030, LogLevel.Error, "Telemetry store commit of {Points} points and {Parts} part events failed; retrying in {Delay} (messages stay unacknowledged)")]
    public static partial void CommitFailed(ILogger logger, Exception exception, int points, int parts, TimeSpan delay);

    [LoggerMessage(2031, LogLevel.Debug, "Acknowledgement of a message from an earlier connection skipped; the broker redelivers it")]
    public static partial void StaleAcknowledgementSkipped(ILogger logger);

    [LoggerMessage(2032, LogLevel.Warning, "Acknowledgement failed; the broker redelivers the message")]
    public static partial void AcknowledgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(2040, LogLevel.Information, "Publisher {Publisher} restarted its sequence counter at {Seq}")]
    public static partial void SequenceRestarted(ILogger logger, string publisher, long seq);

    [LoggerMessage(2041, LogLevel.Warning, "{Count} sequence numbers were not counted by the cluster's shared sequence window ({Reason}); gap counts may be low")]
    public static partial void SequenceLedgerDropped(ILogger logger, long count, string reason);

    [LoggerMessage(2042, LogLevel.Debug, "{Count} sequence numbers of {Publisher} did not reach the cluster's shared sequence window ({Reason}); sent again in a second")]
    public static partial void SequenceLedgerRetry(ILogger logger, int count, string publisher, string reason);
}
