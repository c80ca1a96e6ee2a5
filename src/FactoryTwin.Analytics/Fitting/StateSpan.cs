using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>An interval during which a station held one state, as a historian returns it (clipped to the queried range).</summary>
/// <param name="Start">The inclusive start.</param>
/// <param name="End">The exclusive end.</param>
/// <param name="State">The state.</param>
public readonly record struct StateSpan(DateTimeOffset Start, DateTimeOffset End, StationState State)
{
    /// <summary>Gets the length in seconds.</summary>
    public double Seconds => (End - Start).TotalSeconds;
}
