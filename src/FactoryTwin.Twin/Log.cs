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

    [LoggerMessage(7030, LogLevel.Information, "Shift forecast made in {Seconds:0.0} s: {Replications} replications from the plant state at {Instant:O}{OffShift}; changed since the last: {Change}")]
    public static partial void ForecastMade(ILogger logger, double seconds, int replications, DateTimeOffset instant, string offShift, string change);

    [LoggerMessage(7031, LogLevel.Debug, "Shift forecast of the next shift kept at {Instant:O} (off shift; changed since it was made: {Change})")]
    public static partial void ForecastKept(ILogger logger, DateTimeOffset instant, string change);

    [LoggerMessage(7020, LogLevel.Information, "Embedded grain storage at {Folder}")]
    public static partial void StorageOpened(ILogger logger, string folder);

    [LoggerMessage(7040, LogLevel.Warning, "The change relay through PostgreSQL lost its connection; retrying in {Seconds} s (other nodes' changes are missed meanwhile)")]
    public static partial void ChangeRelayFailed(ILogger logger, Exception exception, string seconds);

    [LoggerMessage(7041, LogLevel.Warning, "A notice on the change channel could not be read and was skipped")]
    public static partial void ChangeNoticeUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(7032, LogLevel.Information, "Asset twin {Asset} caught up on {Points} points from the historian since {Since:o} (telemetry applied after its last saved state)")]
    public static partial void AssetCaughtUp(ILogger logger, string asset, int points, DateTimeOffset since);
}
