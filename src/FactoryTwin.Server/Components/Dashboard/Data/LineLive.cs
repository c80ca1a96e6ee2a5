namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The live KPIs of one line.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Name">The line's name.</param>
/// <param name="OutputShift">Good parts out of the line this shift.</param>
/// <param name="ThroughputLastHour">Good parts out of the line in the last hour.</param>
/// <param name="Oee">The line's OEE this shift, 0–1.</param>
/// <param name="Wip">Parts now inside the line.</param>
/// <param name="Target">The shift target, when the plant file gives one.</param>
public sealed record LineLive(string Line, string Name, long OutputShift, long ThroughputLastHour, double Oee, int Wip, int? Target);
