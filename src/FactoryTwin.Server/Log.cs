using Microsoft.Extensions.Logging;

namespace FactoryTwin.Server;

/// <summary>The module's log messages (event ids 9000–9999). No message carries a password, token or other secret.</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "FactoryTwin dashboard: {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(9001, LogLevel.Information, "Generated a self-signed certificate for {Subject} at {Path}")]
    public static partial void CertificateGenerated(ILogger logger, string subject, string path);

    [LoggerMessage(9002, LogLevel.Information, "Plant {Site} loaded from {Path}")]
    public static partial void PlantLoaded(ILogger logger, string site, string path);

    [LoggerMessage(9003, LogLevel.Information, "Plant clock starts at {Origin:O}, the configured start; no saved virtual plant state in {Path}")]
    public static partial void PlantClockConfigured(ILogger logger, DateTimeOffset origin, string path);

    [LoggerMessage(9004, LogLevel.Information, "Plant clock resumes at {Origin:O}, where the virtual plant stopped ({How}, saved in {Path}), instead of the configured start {Configured:O}. To start fresh, delete that file or pass --VirtualPlant:Resume=false")]
    public static partial void PlantClockResumed(ILogger logger, DateTimeOffset origin, string path, string how, DateTimeOffset configured);

    [LoggerMessage(9005, LogLevel.Information, "Plant clock starts at {Origin:O}, the configured start, which is after where the virtual plant stopped ({Saved:O}, saved in {Path})")]
    public static partial void PlantClockAfterSaved(ILogger logger, DateTimeOffset origin, DateTimeOffset saved, string path);

    [LoggerMessage(9006, LogLevel.Warning, "Plant clock starts at {Origin:O}, the configured start: the virtual plant state file {Path} cannot be used ({Problem}) and is replaced; plant time already in the historian may be emulated again")]
    public static partial void PlantClockStateUnusable(ILogger logger, DateTimeOffset origin, string path, string problem);

    [LoggerMessage(9007, LogLevel.Information, "Plant clock starts at {Origin:O}, the configured start: VirtualPlant:Resume is false, so the saved virtual plant state in {Path} is ignored and replaced")]
    public static partial void PlantClockResumeOff(ILogger logger, DateTimeOffset origin, string path);

    [LoggerMessage(9010, LogLevel.Warning, "Live push failed; retrying at the next interval")]
    public static partial void PushFailed(ILogger logger, Exception exception);

    [LoggerMessage(9020, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(9100, LogLevel.Information, "Audit {Kind} by {Actor} on {Target} from {Address}")]
    public static partial void Audit(ILogger logger, string kind, string actor, string target, string address);

    [LoggerMessage(9200, LogLevel.Warning, "The stored MES schedule {Path} no longer fits the plant and is not active ({Count} problem(s); the first: {First}); import a new one")]
    public static partial void StoredScheduleRefused(ILogger logger, string path, int count, string first);

    [LoggerMessage(9210, LogLevel.Information, "Wrote the MES performance of shift {Shift} to {Path}")]
    public static partial void ShiftPerformanceExported(ILogger logger, string shift, string path);

    [LoggerMessage(9211, LogLevel.Warning, "The MES performance of shift {Shift} was not written ({Reason}); GET /api/v1/mes/performance?shift={Shift} gives it on demand")]
    public static partial void ShiftPerformanceFailed(ILogger logger, string shift, string reason);

    [LoggerMessage(9212, LogLevel.Debug, "No MES schedule is active: no performance document for shift {Shift}")]
    public static partial void ShiftPerformanceSkipped(ILogger logger, string shift);

    [LoggerMessage(9220, LogLevel.Information, "Simulated the completion of {Orders} open order(s) of schedule {Schedule} from the plant at {Instant:O}: {Replications} replications in {Seconds:F1} s")]
    public static partial void OrderForecastMade(ILogger logger, int orders, string schedule, DateTimeOffset instant, int replications, double seconds);

    [LoggerMessage(9230, LogLevel.Information, "Cure verdicts: {Count} bodies' verdicts read from {Location}")]
    public static partial void CureVerdictsLoaded(ILogger logger, int count, string location);

    [LoggerMessage(9231, LogLevel.Warning, "Cure verdicts: {Skipped} line(s) of {Location} could not be read and were skipped (the first: {First}); the others were read")]
    public static partial void CureVerdictLinesSkipped(ILogger logger, int skipped, string location, string first);

    [LoggerMessage(9232, LogLevel.Warning, "Cure verdicts: {Count} bodies' verdicts could not be written to {Location} ({Reason}); they stay in memory and are tried again")]
    public static partial void CureVerdictsNotWritten(ILogger logger, int count, string location, string reason, Exception exception);

    [LoggerMessage(9233, LogLevel.Warning, "Cure verdicts: {Location} could not be read ({Reason}); the performance export has the verdicts of the bodies that leave an oven from now on")]
    public static partial void CureVerdictsNotLoaded(ILogger logger, string location, string reason, Exception exception);

    [LoggerMessage(9221, LogLevel.Warning, "The order completion forecast failed ({Reason}); the schedule shows the recent-rate estimate until the next try")]
    public static partial void OrderForecastFailed(ILogger logger, string reason, Exception exception);
}
