namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The latest shift forecast.</summary>
/// <param name="MadeAt">When it was made.</param>
/// <param name="ShiftStart">The start of the shift forecast (later than <paramref name="MadeAt"/> off shift: the next shift).</param>
/// <param name="ShiftEnd">The end of the shift.</param>
/// <param name="Replications">How many Monte Carlo replications it ran.</param>
/// <param name="Lines">One forecast per line.</param>
public sealed record ForecastLive(DateTimeOffset MadeAt, DateTimeOffset ShiftStart, DateTimeOffset ShiftEnd, int Replications, IReadOnlyList<LineForecastLive> Lines)
{
    /// <summary>Gets a value indicating whether it was made off shift, so that it covers the next shift.</summary>
    public bool OffShift => ShiftStart > MadeAt;
}
