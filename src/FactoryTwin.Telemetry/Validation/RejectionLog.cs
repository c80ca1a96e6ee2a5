using Microsoft.Extensions.Logging;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// Logs a rejection at most once per reason and publisher per interval, so that a flood of bad messages costs a counter
/// increment each and not a log line each. Unknown publishers share one slot per reason, so a stream of made-up ids
/// cannot grow this table.
/// </summary>
internal sealed class RejectionLog
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly long[] _next;
    private readonly int _publishers;

    public RejectionLog(ILogger logger, TimeProvider time, TimeSpan interval, int publishers)
    {
        _logger = logger;
        _time = time;
        _interval = interval;
        _publishers = publishers + 1;
        _next = new long[_publishers * RejectionReasons.Count];
        Array.Fill(_next, long.MinValue);
    }

    /// <summary>Logs the rejection unless one with the same reason and publisher was logged within the interval.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="publisherIndex">The gateway index, or -1 for an unknown publisher.</param>
    /// <param name="publisher">The publisher id as sent.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="detail">What was wrong.</param>
    /// <param name="subject">What it was wrong about (a sensor id), appended to the detail only when the line is written.</param>
    /// <returns>Whether it was logged.</returns>
    public bool Report(RejectionReason reason, int publisherIndex, string publisher, string topic, string detail, string? subject = null)
    {
        var slot = ((publisherIndex + 1) * RejectionReasons.Count) + (int)reason;
        var now = _time.GetUtcNow().UtcTicks;
        if (now < _next[slot])
        {
            return false;
        }

        _next[slot] = now + _interval.Ticks;
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            Log.Rejected(_logger, RejectionReasons.Name(reason), publisher, topic, subject is null ? detail : detail + ": " + subject, _interval);
        }

        return true;
    }
}
