using Microsoft.Extensions.Logging;

namespace FactoryTwin.VirtualPlant;

/// <summary>The module's log messages (event ids 8000–8999).</summary>
internal static partial class Log
{
    [LoggerMessage(8000, LogLevel.Information, "Virtual plant {Site} started: speed {Speed}, seed {Seed}, {Gateways} gateways to {Host}:{Port}")]
    public static partial void Started(ILogger logger, string site, string speed, ulong seed, int gateways, string host, int port);

    [LoggerMessage(8001, LogLevel.Information, "Virtual plant stopped after {SimulatedSeconds} simulated seconds: {Published} messages published, {Dropped} dropped")]
    public static partial void Stopped(ILogger logger, double simulatedSeconds, long published, long dropped);

    [LoggerMessage(8010, LogLevel.Information, "Gateway {Gateway} connected to {Host}:{Port}")]
    public static partial void GatewayConnected(ILogger logger, string gateway, string host, int port);

    [LoggerMessage(8011, LogLevel.Warning, "Gateway {Gateway} cannot reach {Host}:{Port} ({Reason}); buffering and retrying")]
    public static partial void GatewayUnreachable(ILogger logger, string gateway, string host, int port, string reason);

    [LoggerMessage(8012, LogLevel.Warning, "Gateway {Gateway} buffer is full: dropping the oldest messages (counted)")]
    public static partial void BufferFull(ILogger logger, string gateway);

    [LoggerMessage(8020, LogLevel.Warning, "Line {Line} has no gateway in the plant file: its events are simulated but not published")]
    public static partial void LineWithoutGateway(ILogger logger, string line);

    [LoggerMessage(8030, LogLevel.Information, "Disturbance {Kind} on {Target} for {Duration} s at simulated second {Time}")]
    public static partial void Disturbance(ILogger logger, string kind, string target, double duration, double time);
}
