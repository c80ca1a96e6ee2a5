namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The result of acknowledging or shelving an alarm.</summary>
/// <param name="Succeeded">Whether the command was applied.</param>
/// <param name="Error">Why not, when it was refused.</param>
public sealed record AlarmCommandOutcome(bool Succeeded, string? Error);
