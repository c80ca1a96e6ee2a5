namespace FactoryTwin.Analytics.Sequencing;

/// <summary>Whether a sequencing rule must hold or may be broken at a cost.</summary>
public enum ConstraintMode
{
    /// <summary>The rule must hold: a sequence that breaks it is not a solution.</summary>
    Hard,

    /// <summary>The rule may be broken; every violation adds the rule's weight to the objective.</summary>
    Soft,
}
