namespace FactoryTwin.Analytics.Sequencing;

/// <summary>What CP-SAT could say about the returned sequence.</summary>
public enum SequencingStatus
{
    /// <summary>The sequence keeps every hard rule and no sequence costs less (proven).</summary>
    Optimal,

    /// <summary>The sequence keeps every hard rule; the time ran out before it was proven optimal (see the gap).</summary>
    Feasible,

    /// <summary>No sequence can keep every hard rule (proven); the returned sequence is the heuristic's, with its violations.</summary>
    Infeasible,

    /// <summary>The time ran out before a sequence keeping every hard rule was found; the returned sequence is the
    /// heuristic's, with its violations.</summary>
    Unknown,
}
