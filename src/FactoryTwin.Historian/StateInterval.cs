namespace FactoryTwin.Historian;

/// <summary>An interval during which a state series held one value.</summary>
/// <param name="Start">The inclusive start (UTC).</param>
/// <param name="End">The exclusive end (UTC).</param>
/// <param name="State">The state code (a <see cref="Model.Plants.StationState"/> value for station state series).</param>
public readonly record struct StateInterval(DateTimeOffset Start, DateTimeOffset End, double State)
{
    /// <summary>Gets the length of the interval.</summary>
    public TimeSpan Duration => End - Start;
}
