using System.Globalization;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Alarms;

/// <summary>
/// The ISA-18.2 alarm lifecycle on an <see cref="AlarmRecord"/>:
/// <code>
/// Normal ──condition──► ActiveUnacknowledged ──ack──► ActiveAcknowledged ──clear──► Normal
///                          │ clear                                  ▲ condition (again)
///                          ▼                                        │
///                     ClearedUnacknowledged ──ack──► Normal ────────┘
/// any state ──shelve──► Shelved ──unshelve / expiry──► ActiveUnacknowledged (condition present) or Normal
/// </code>
/// A returning condition makes a cleared-unacknowledged alarm active-unacknowledged again. Acknowledging needs a
/// user and is allowed only where something waits for it (active-unacknowledged, cleared-unacknowledged).
/// </summary>
internal static class AlarmMachine
{
    public const int MaxCommentLength = 1000;

    /// <summary>
    /// Applies the condition; returns the event it causes, if any. With an on-delay (off-delay) a change of the condition
    /// takes effect only once it has held for that long (ISA-18.2): a condition that returns before, such as noise around
    /// a limit or data that arrives a little late, changes nothing.
    /// </summary>
    /// <param name="alarm">The alarm.</param>
    /// <param name="active">Whether the condition holds now.</param>
    /// <param name="at">When (plant time).</param>
    /// <param name="value">The value that decided, if any.</param>
    /// <param name="onDelay">Seconds the condition must hold before the alarm is raised.</param>
    /// <param name="offDelay">Seconds the condition must be gone before the alarm clears.</param>
    /// <returns>The event, or <see langword="null"/>.</returns>
    public static AlarmEventKind? SetCondition(AlarmRecord alarm, bool active, DateTimeOffset at, double? value, double onDelay = 0, double offDelay = 0)
    {
        if (alarm.ConditionActive == active)
        {
            alarm.PendingSince = null;
            return null;
        }

        var delay = active ? onDelay : offDelay;
        if (delay > 0)
        {
            if (alarm.PendingSince is not { } since || since > at)
            {
                alarm.PendingSince = at;
                return null;
            }

            if ((at - since).TotalSeconds < delay)
            {
                return null;
            }
        }

        alarm.PendingSince = null;
        alarm.ConditionActive = active;
        alarm.Value = value;
        if (active)
        {
            alarm.RaisedAt = at;
            alarm.ClearedAt = null;
            if (alarm.State != AlarmState.Shelved)
            {
                alarm.State = AlarmState.ActiveUnacknowledged;
                alarm.AcknowledgedAt = null;
                alarm.AcknowledgedBy = null;
                alarm.Comment = null;
            }

            return AlarmEventKind.Raised;
        }

        alarm.ClearedAt = at;
        alarm.State = alarm.State switch
        {
            AlarmState.ActiveUnacknowledged => AlarmState.ClearedUnacknowledged,
            AlarmState.ActiveAcknowledged => AlarmState.Normal,
            _ => alarm.State,
        };
        return AlarmEventKind.Cleared;
    }

    /// <summary>Acknowledges; returns an error text when refused.</summary>
    public static string? Acknowledge(AlarmRecord alarm, string? user, string? comment, DateTimeOffset at)
    {
        var error = CheckUser(user) ?? CheckComment(comment);
        if (error is not null)
        {
            return error;
        }

        switch (alarm.State)
        {
            case AlarmState.ActiveUnacknowledged:
                alarm.State = AlarmState.ActiveAcknowledged;
                break;
            case AlarmState.ClearedUnacknowledged:
                alarm.State = AlarmState.Normal;
                break;
            default:
                return string.Create(CultureInfo.InvariantCulture, $"alarm '{alarm.Id}' is {alarm.State}: only an active-unacknowledged or cleared-unacknowledged alarm can be acknowledged.");
        }

        alarm.AcknowledgedBy = user;
        alarm.AcknowledgedAt = at;
        alarm.Comment = comment;
        return null;
    }

    /// <summary>Shelves; returns an error text when refused.</summary>
    public static string? Shelve(AlarmRecord alarm, string? user, TimeSpan duration, TimeSpan maxDuration, string? comment, DateTimeOffset at)
    {
        var error = CheckUser(user) ?? CheckComment(comment);
        if (error is not null)
        {
            return error;
        }

        if (duration <= TimeSpan.Zero || duration > maxDuration)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the shelving duration must be positive and at most {maxDuration}, not {duration}.");
        }

        if (alarm.State == AlarmState.Shelved)
        {
            return string.Create(CultureInfo.InvariantCulture, $"alarm '{alarm.Id}' is already shelved until {alarm.ShelvedUntil:O}.");
        }

        alarm.State = AlarmState.Shelved;
        alarm.ShelvedBy = user;
        alarm.ShelvedUntil = at + duration;
        alarm.Comment = comment;
        return null;
    }

    /// <summary>Returns a shelved alarm to service; returns an error text when refused.</summary>
    public static string? Unshelve(AlarmRecord alarm, string? user)
    {
        var error = CheckUser(user);
        if (error is not null)
        {
            return error;
        }

        if (alarm.State != AlarmState.Shelved)
        {
            return string.Create(CultureInfo.InvariantCulture, $"alarm '{alarm.Id}' is {alarm.State}, not shelved.");
        }

        Return(alarm);
        return null;
    }

    /// <summary>Ends an expired shelving; returns whether it expired.</summary>
    public static bool ExpireShelving(AlarmRecord alarm, DateTimeOffset now)
    {
        if (alarm.State != AlarmState.Shelved || alarm.ShelvedUntil is not { } until || now < until)
        {
            return false;
        }

        Return(alarm);
        return true;
    }

    private static void Return(AlarmRecord alarm)
    {
        alarm.State = alarm.ConditionActive ? AlarmState.ActiveUnacknowledged : AlarmState.Normal;
        alarm.ShelvedBy = null;
        alarm.ShelvedUntil = null;
        alarm.AcknowledgedBy = null;
        alarm.AcknowledgedAt = null;
    }

    private static string? CheckUser(string? user) =>
        string.IsNullOrWhiteSpace(user) ? "a user is required." : null;

    private static string? CheckComment(string? comment) =>
        comment is { Length: > MaxCommentLength }
            ? string.Create(CultureInfo.InvariantCulture, $"the comment has {comment.Length} characters; at most {MaxCommentLength} are allowed.")
            : null;
}
