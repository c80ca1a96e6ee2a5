namespace FactoryTwin.Analytics.Fitting;

/// <summary>One observed duration: either seen to its end, or right-censored (it had lasted at least this long when observation stopped).</summary>
/// <param name="Time">The duration in seconds, greater than 0.</param>
/// <param name="Censored">Whether the duration was cut off (by the end of the data or of a shift) before it ended.</param>
public readonly record struct Observation(double Time, bool Censored = false);
