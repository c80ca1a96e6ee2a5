using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Alarms;

/// <summary>The persisted state of one alarm of an asset.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.AlarmRecord")]
internal sealed class AlarmRecord
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string Message { get; set; } = "";
    [Id(2)] public TwinAlarmPriority Priority { get; set; }
    [Id(3)] public AlarmState State { get; set; }
    [Id(4)] public bool ConditionActive { get; set; }
    [Id(5)] public DateTimeOffset? RaisedAt { get; set; }
    [Id(6)] public DateTimeOffset? ClearedAt { get; set; }
    [Id(7)] public double? Value { get; set; }
    [Id(8)] public string? AcknowledgedBy { get; set; }
    [Id(9)] public DateTimeOffset? AcknowledgedAt { get; set; }
    [Id(10)] public string? Comment { get; set; }
    [Id(11)] public string? ShelvedBy { get; set; }
    [Id(12)] public DateTimeOffset? ShelvedUntil { get; set; }

    /// <summary>Gets or sets whether the alarm was created at run time (an under-cure alarm) and is dropped once normal.</summary>
    [Id(13)] public bool Dynamic { get; set; }

    /// <summary>Gets or sets since when the condition has differed from <see cref="ConditionActive"/> without the rule's on- or off-delay having passed yet.</summary>
    [Id(14)] public DateTimeOffset? PendingSince { get; set; }

    public AlarmView ToView(string asset) => new(
        Id, asset, Message, Priority, State, ConditionActive, RaisedAt, ClearedAt, Value, AcknowledgedBy, AcknowledgedAt, Comment, ShelvedBy, ShelvedUntil);
}
