namespace FactoryTwin.Analytics.Sequencing;

/// <summary>How often a sequence breaks one option ratio rule.</summary>
/// <param name="Option">The option.</param>
/// <param name="P">At most this many bodies with the option …</param>
/// <param name="Q">… in any this many consecutive positions.</param>
/// <param name="Mode">Whether the rule is hard or soft.</param>
/// <param name="Bodies">The bodies carrying the option.</param>
/// <param name="Violations">The sum over every window of q consecutive positions of the bodies over p in it.</param>
public sealed record OptionViolationCount(string Option, int P, int Q, ConstraintMode Mode, int Bodies, int Violations);
