using Microsoft.Extensions.Logging;

namespace FactoryTwin.Twin;

/// <summary>The module's log messages (event ids 7000–7999).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "Alarm {Alarm} of {Asset}: {Event}, now {State} (user {User})")]
    public static partial void AlarmTransition(ILogger logger, string asset, string alarm, string @event, string state, string? user);

    [LoggerMessage(7010, LogLevel.Warning, "Telemetry for asset {Asset}, which is not in the plant model, was dropped by the twin")]
    public static partial void UnknownAsset(ILogger logger, string asset);

    [LoggerMessage(7011, LogLevel.Error, "Appending {Count} alarm events of {Asset} to the alarm history failed; the alarm state is kept in the twin")]
    public static partial void AlarmHistoryFailed(ILogger logger, Exception exception, string asset, int count);

    [LoggerMessage(7020, LogLevel.Information, "Embedded grain storage at {Folder}")]
    public static partial void StorageOpened(ILogger logger, string folder);
}
