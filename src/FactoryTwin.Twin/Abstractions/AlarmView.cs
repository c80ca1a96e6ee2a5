namespace FactoryTwin.Twin.Abstractions;

/// <summary>One alarm as operators see it.</summary>
/// <param name="Alarm">The alarm id: the rule id, or <c>{oven}:under-cure:{body}</c> for a predicted under-cure.</param>
/// <param name="Asset">The asset that raises it.</param>
/// <param name="Message">The text operators see (for an under-cure alarm it names the body and the point).</param>
/// <param name="Priority">The priority.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="ConditionActive">Whether the condition is present now (also while shelved).</param>
/// <param name="RaisedAt">When the condition last became present (UTC), or <see langword="null"/>.</param>
/// <param name="ClearedAt">When the condition last cleared (UTC), or <see langword="null"/>.</param>
/// <param name="Value">The value that last raised or cleared it, or <see langword="null"/>.</param>
/// <param name="AcknowledgedBy">Who acknowledged the current occurrence, or <see langword="null"/>.</param>
/// <param name="AcknowledgedAt">When (UTC), or <see langword="null"/>.</param>
/// <param name="Comment">The acknowledgement or shelving comment, or <see langword="null"/>.</param>
/// <param name="ShelvedBy">Who shelved it, or <see langword="null"/>.</param>
/// <param name="ShelvedUntil">When the shelving expires (UTC), or <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.AlarmView")]
public sealed record AlarmView(
    [property: Id(0)] string Alarm,
    [property: Id(1)] string Asset,
    [property: Id(2)] string Message,
    [property: Id(3)] TwinAlarmPriority Priority,
    [property: Id(4)] AlarmState State,
    [property: Id(5)] bool ConditionActive,
    [property: Id(6)] DateTimeOffset? RaisedAt,
    [property: Id(7)] DateTimeOffset? ClearedAt,
    [property: Id(8)] double? Value,
    [property: Id(9)] string? AcknowledgedBy,
    [property: Id(10)] DateTimeOffset? AcknowledgedAt,
    [property: Id(11)] string? Comment,
    [property: Id(12)] string? ShelvedBy,
    [property: Id(13)] DateTimeOffset? ShelvedUntil);
