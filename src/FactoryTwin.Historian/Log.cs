using Microsoft.Extensions.Logging;

namespace FactoryTwin.Historian;

/// <summary>The historian's log messages (event ids 4000–4999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Historian opened: {Provider} store {Location}, {SeriesCount} series known")]
    public static partial void Opened(ILogger logger, HistorianProvider provider, string location, int seriesCount);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Historian maintenance: {Compacted} points compacted, {RolledUp} raw points rolled up, {Rollups} roll-ups and {Parts} part events dropped")]
    public static partial void MaintenanceDone(ILogger logger, long compacted, long rolledUp, long rollups, long parts);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Historian maintenance failed; it is retried on the next tick")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Historian append of {Points} points and {Parts} part events failed and was rolled back")]
    public static partial void AppendFailed(ILogger logger, int points, int parts, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Historian exported {Rows} rows to {Path}")]
    public static partial void Exported(ILogger logger, long rows, string path);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Historian commit journal {Path}: {Batches} batches ({Points} points, {Parts} part events) left by the last run written to DuckDB")]
    public static partial void JournalReplayed(ILogger logger, string path, int batches, int points, int parts);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Historian commit journal {Path}: an incomplete last record at byte {Offset} was cut off (its append never returned, so it was never acknowledged)")]
    public static partial void JournalTorn(ILogger logger, string path, long offset);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Historian: writing {Rows} journaled rows to DuckDB failed; they stay in the commit journal and the next append or read retries")]
    public static partial void JournalFlushDeferred(ILogger logger, int rows, Exception exception);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Historian closing: {Rows} journaled rows could not be written to DuckDB; they stay in {Path} and are written at the next start")]
    public static partial void JournalKept(ILogger logger, string path, int rows, Exception exception);
}
