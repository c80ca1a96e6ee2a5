namespace FactoryTwin.Simulation.Modeling;

/// <summary>What a changeover depends on.</summary>
public enum SetupKey
{
    /// <summary>A setup happens when the part's variant differs from the previous part's.</summary>
    Variant,

    /// <summary>A setup happens when the part's colour differs from the previous part's.</summary>
    Colour,
}
