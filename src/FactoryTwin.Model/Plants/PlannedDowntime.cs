namespace FactoryTwin.Model.Plants;

/// <summary>A weekly planned stop (maintenance, cleaning).</summary>
/// <param name="Reason">Why the plant stops.</param>
/// <param name="Day">The weekday.</param>
/// <param name="Start">The local start time.</param>
/// <param name="Duration">The length, in seconds.</param>
public sealed record PlannedDowntime(string Reason, DayOfWeek Day, TimeOnly Start, double Duration);
