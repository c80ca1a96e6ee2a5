namespace FactoryTwin.Twin.Abstractions;

/// <summary>The outcome of an acknowledge, shelve or unshelve command.</summary>
/// <param name="Succeeded">Whether the command was applied.</param>
/// <param name="Error">Why it was refused (names what is wrong), or <see langword="null"/>.</param>
/// <param name="Alarm">The alarm after the command, or <see langword="null"/> when the alarm is unknown.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.AlarmCommandResult")]
public sealed record AlarmCommandResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string? Error,
    [property: Id(2)] AlarmView? Alarm);
