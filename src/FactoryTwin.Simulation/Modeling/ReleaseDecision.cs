namespace FactoryTwin.Simulation.Modeling;

/// <summary>What an <see cref="IReleasePlan"/> decided for a source's next part.</summary>
public readonly record struct ReleaseDecision
{
    private ReleaseDecision(ReleaseDecisionKind kind, double retryAt)
    {
        Kind = kind;
        RetryAt = retryAt;
    }

    /// <summary>Gets a decision to create the part with the attributes the plan wrote.</summary>
    public static ReleaseDecision Release { get; } = new(ReleaseDecisionKind.Release, double.NaN);

    /// <summary>Gets a decision to draw the part from the source's random mix.</summary>
    public static ReleaseDecision Mix { get; } = new(ReleaseDecisionKind.Mix, double.NaN);

    /// <summary>Gets what was decided.</summary>
    public ReleaseDecisionKind Kind { get; }

    /// <summary>Gets the simulation time to ask again at (<see cref="ReleaseDecisionKind.Wait"/> only; else NaN).</summary>
    public double RetryAt { get; }

    /// <summary>Creates a decision to release nothing before <paramref name="time"/> and ask the plan again then.</summary>
    /// <param name="time">The simulation time in seconds; finite.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is not finite.</exception>
    public static ReleaseDecision WaitUntil(double time)
    {
        if (!double.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The time to ask again must be finite.");
        }

        return new ReleaseDecision(ReleaseDecisionKind.Wait, time);
    }
}
