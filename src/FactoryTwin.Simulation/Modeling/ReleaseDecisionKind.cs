namespace FactoryTwin.Simulation.Modeling;

/// <summary>The kinds of <see cref="ReleaseDecision"/>.</summary>
public enum ReleaseDecisionKind
{
    /// <summary>Create the part with the plan's attributes.</summary>
    Release,

    /// <summary>Create the part from the source's random mix.</summary>
    Mix,

    /// <summary>Create nothing now; ask again at <see cref="ReleaseDecision.RetryAt"/>.</summary>
    Wait,
}
