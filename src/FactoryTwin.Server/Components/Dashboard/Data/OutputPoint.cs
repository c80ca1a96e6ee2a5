namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The cumulative output of a line at one instant.</summary>
/// <param name="At">The instant.</param>
/// <param name="Output">Good parts since the shift started.</param>
public readonly record struct OutputPoint(DateTimeOffset At, double Output);
