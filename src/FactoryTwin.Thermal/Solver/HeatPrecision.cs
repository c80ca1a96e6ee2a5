namespace FactoryTwin.Thermal.Solver;

/// <summary>Floating-point precision of the temperature field and kernel arithmetic.</summary>
public enum HeatPrecision
{
    /// <summary>IEEE-754 binary64 (double).</summary>
    Binary64 = 0,

    /// <summary>IEEE-754 binary32 (float): half the memory traffic; explicit scheme on the CPU backends only.</summary>
    Binary32 = 1,
}
