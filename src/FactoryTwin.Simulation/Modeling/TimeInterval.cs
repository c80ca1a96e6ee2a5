namespace FactoryTwin.Simulation.Modeling;

/// <summary>A half-open interval [Start, End) of simulation time in seconds.</summary>
/// <param name="Start">Start in seconds.</param>
/// <param name="End">End in seconds, greater than <paramref name="Start"/>.</param>
public readonly record struct TimeInterval(double Start, double End);
