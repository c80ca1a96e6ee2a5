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

    [LoggerMessage(8040, LogLevel.Information, "Virtual plant continues from {Path}, saved at {PlantTime:O} by {How}: it stamps no earlier than {ResumeTime:O}, and the gateways' seq start at {Sequences}. To start fresh, delete the file or set VirtualPlant:Resume=false")]
    public static partial void StateResumed(ILogger logger, string path, string how, DateTimeOffset plantTime, DateTimeOffset resumeTime, string sequences);

    [LoggerMessage(8041, LogLevel.Information, "Virtual plant has no saved state in {Path}: the gateways' seq start at 0")]
    public static partial void StateMissing(ILogger logger, string path);

    [LoggerMessage(8042, LogLevel.Warning, "Virtual plant state file {Path} cannot be used ({Problem}): the gateways' seq start at 0 and the file is replaced")]
    public static partial void StateUnusable(ILogger logger, string path, string problem);

    [LoggerMessage(8043, LogLevel.Information, "VirtualPlant:Resume is false: the saved state in {Path} is ignored and replaced; the gateways' seq start at 0")]
    public static partial void StateIgnored(ILogger logger, string path);

    [LoggerMessage(8044, LogLevel.Warning, "Virtual plant state file {Path} cannot be written ({Reason}); the plant runs on and the next save tries again")]
    public static partial void StateNotSaved(ILogger logger, string path, string reason);

    [LoggerMessage(8030, LogLevel.Information, "Disturbance {Kind} on {Target} for {Duration} s at simulated second {Time}")]
    public static partial void Disturbance(ILogger logger, string kind, string target, double duration, double time);

    [LoggerMessage(8050, LogLevel.Information, "Virtual plant releases by schedule {Schedule}: {Orders} orders, {Bodies} bodies still to release, from {Begins:O}; before that it runs its mix")]
    public static partial void ScheduleInUse(ILogger logger, string schedule, int orders, int bodies, DateTimeOffset begins);

    [LoggerMessage(8051, LogLevel.Information, "Virtual plant started releasing by schedule {Schedule} at {At:O}")]
    public static partial void ScheduleStarted(ILogger logger, string schedule, DateTimeOffset at);

    [LoggerMessage(8052, LogLevel.Information, "Virtual plant released every body of schedule {Schedule} by {At:O}; it runs its mix until the next schedule")]
    public static partial void ScheduleReleased(ILogger logger, string schedule, DateTimeOffset at);

    [LoggerMessage(8053, LogLevel.Information, "Virtual plant no longer releases by schedule {Schedule}: it runs its mix")]
    public static partial void ScheduleCleared(ILogger logger, string schedule);

    [LoggerMessage(8054, LogLevel.Warning, "Virtual plant cannot read the schedule to release by ({Reason}); it keeps the one it has")]
    public static partial void ScheduleUnavailable(ILogger logger, string reason);
}
