namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The latest shift forecast.</summary>
/// <param name="MadeAt">When it was made.</param>
/// <param name="ShiftStart">The start of the shift.</param>
/// <param name="ShiftEnd">The end of the shift.</param>
/// <param name="Replications">How many Monte Carlo replications it ran.</param>
/// <param name="Lines">One forecast per line.</param>
public sealed record ForecastLive(DateTimeOffset MadeAt, DateTimeOffset ShiftStart, DateTimeOffset ShiftEnd, int Replications, IReadOnlyList<LineForecastLive> Lines);
