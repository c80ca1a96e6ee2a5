namespace FactoryTwin.Analytics.Fitting;

/// <summary>A step of the Kaplan–Meier estimate of a CDF.</summary>
/// <param name="Time">An event time in seconds.</param>
/// <param name="Probability">The estimated CDF just after it.</param>
public readonly record struct EmpiricalPoint(double Time, double Probability);
