namespace FactoryTwin.Plant.ThermalCases;

/// <summary>How far a thermal run has come, reported after every output interval.</summary>
/// <param name="Time">Simulated time reached, in seconds.</param>
/// <param name="EndTime">Simulated time at the end, in seconds.</param>
/// <param name="Steps">Time steps taken so far.</param>
public readonly record struct ThermalRunProgress(double Time, double EndTime, long Steps)
{
    /// <summary>Gets the completed fraction in [0, 1].</summary>
    public double Fraction => EndTime > 0 ? Math.Clamp(Time / EndTime, 0.0, 1.0) : 1.0;
}
