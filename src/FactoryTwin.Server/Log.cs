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

    [LoggerMessage(9010, LogLevel.Warning, "Live push failed; retrying at the next interval")]
    public static partial void PushFailed(ILogger logger, Exception exception);

    [LoggerMessage(9020, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(9100, LogLevel.Information, "Audit {Kind} by {Actor} on {Target} from {Address}")]
    public static partial void Audit(ILogger logger, string kind, string actor, string target, string address);
}
