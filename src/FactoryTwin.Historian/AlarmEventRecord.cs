namespace FactoryTwin.Historian;

/// <summary>One alarm transition as the historian stores it (the alarm history).</summary>
/// <param name="Timestamp">When it happened (UTC; stored to the microsecond).</param>
/// <param name="Asset">The asset that raised the alarm.</param>
/// <param name="Alarm">The alarm id.</param>
/// <param name="Event">What happened: <c>raised</c>, <c>cleared</c>, <c>acknowledged</c>, <c>shelved</c>, <c>unshelved</c>, <c>shelve-expired</c>.</param>
/// <param name="State">The lifecycle state after the event (<c>normal</c>, <c>active-unacknowledged</c>, …).</param>
/// <param name="Priority">The priority (0 low … 3 critical).</param>
/// <param name="Message">The alarm text.</param>
/// <param name="Value">The value that raised or cleared it, or <see langword="null"/>.</param>
/// <param name="User">Who acknowledged, shelved or unshelved, or <see langword="null"/>.</param>
/// <param name="Comment">The operator's comment, or <see langword="null"/>.</param>
public sealed record AlarmEventRecord(
    DateTimeOffset Timestamp,
    string Asset,
    string Alarm,
    string Event,
    string State,
    int Priority,
    string Message,
    double? Value = null,
    string? User = null,
    string? Comment = null);
