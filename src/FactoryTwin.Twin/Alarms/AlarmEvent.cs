using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Alarms;

/// <summary>One alarm transition, for the history and change notices.</summary>
internal readonly record struct AlarmEvent(AlarmEventKind Kind, string Alarm, DateTimeOffset At, AlarmState State, string Message, TwinAlarmPriority Priority, double? Value, string? User, string? Comment);
