using FactoryTwin.Historian;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Alarms;

/// <summary>
/// Appends alarm transitions to the historian's alarm table when the host registers a historian (and
/// <see cref="TwinOptions.RecordAlarmHistory"/> is on). A failed append is logged and counted; the alarm state itself is
/// in the grain's storage, so the live twin goes on.
/// </summary>
internal sealed class AlarmHistoryWriter
{
    private readonly IAlarmHistory? _history;
    private readonly ILogger<AlarmHistoryWriter> _logger;
    private long _failures;

    // The alarm history is optional: a host without a historian registers none.
    public AlarmHistoryWriter(IOptions<TwinOptions> options, ILogger<AlarmHistoryWriter> logger, IAlarmHistory? history = null)
    {
        _history = options.Value.RecordAlarmHistory ? history : null;
        _logger = logger;
    }

    /// <summary>Gets whether events are recorded.</summary>
    public bool Enabled => _history is not null;

    /// <summary>Gets the number of appends that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public async Task AppendAsync(string asset, List<AlarmEvent> events, CancellationToken cancellationToken)
    {
        if (_history is null || events.Count == 0)
        {
            return;
        }

        var records = new AlarmEventRecord[events.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var e = events[i];
            records[i] = new AlarmEventRecord(e.At, asset, e.Alarm, EventName(e.Kind), StateName(e.State), (int)e.Priority, e.Message, e.Value, e.User, e.Comment);
        }

        try
        {
            await _history.AppendAlarmEventsAsync(records, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            Log.AlarmHistoryFailed(_logger, ex, asset, records.Length);
        }
    }

    public static string EventName(AlarmEventKind kind) => kind switch
    {
        AlarmEventKind.Raised => "raised",
        AlarmEventKind.Cleared => "cleared",
        AlarmEventKind.Acknowledged => "acknowledged",
        AlarmEventKind.Shelved => "shelved",
        AlarmEventKind.Unshelved => "unshelved",
        _ => "shelve-expired",
    };

    public static string StateName(AlarmState state) => state switch
    {
        AlarmState.Normal => "normal",
        AlarmState.ActiveUnacknowledged => "active-unacknowledged",
        AlarmState.ActiveAcknowledged => "active-acknowledged",
        AlarmState.ClearedUnacknowledged => "cleared-unacknowledged",
        _ => "shelved",
    };
}
