namespace FactoryTwin.Analytics.Sequencing;

/// <summary>What a sequence costs and which rules it breaks.</summary>
/// <param name="ColourChanges">The colour changes (purges) between consecutive bodies.</param>
/// <param name="Batches">The colour batches (runs of one colour); one more than the changes.</param>
/// <param name="LongestBatch">The longest colour batch.</param>
/// <param name="BatchViolations">The bodies beyond the maximum batch length, summed over the batches (0 without a limit).</param>
/// <param name="Options">The violations of each option ratio rule.</param>
/// <param name="LateBodies">The bodies painted after their due position.</param>
/// <param name="Tardiness">The positions by which late bodies are late, summed.</param>
/// <param name="DueShortfall">For each class of interchangeable bodies and each due position d of the class: the
/// bodies of the class due by d that are not painted by d, summed (the due term of the objective).</param>
/// <param name="HardViolations">The violations of hard rules: batch, option, and late bodies when dues are hard. A
/// sequence is a solution when this is 0.</param>
/// <param name="Cost">The objective: weighted colour changes plus the weighted violations of the soft rules.</param>
public sealed record SequenceEvaluation(
    int ColourChanges,
    int Batches,
    int LongestBatch,
    int BatchViolations,
    IReadOnlyList<OptionViolationCount> Options,
    int LateBodies,
    int Tardiness,
    int DueShortfall,
    int HardViolations,
    long Cost)
{
    /// <summary>Gets the option violations of all rules together.</summary>
    public int OptionViolations => Options.Sum(o => o.Violations);
}
