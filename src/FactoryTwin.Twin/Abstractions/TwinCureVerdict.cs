namespace FactoryTwin.Twin.Abstractions;

/// <summary>The predicted cure of a body as it will leave the oven.</summary>
public enum TwinCureVerdict
{
    /// <summary>Inside the cure window at every point.</summary>
    Ok,

    /// <summary>Some point stays below the window: the paint will not be cured.</summary>
    UnderCured,

    /// <summary>Some point goes above the window: the paint is over-baked.</summary>
    OverBaked,
}
