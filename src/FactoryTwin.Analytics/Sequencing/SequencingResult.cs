namespace FactoryTwin.Analytics.Sequencing;

/// <summary>The sequence found and how it compares with first come, first served.</summary>
/// <param name="Status">What the solver proved.</param>
/// <param name="Sequence">The bodies in paint order.</param>
/// <param name="Evaluation">The sequence's cost and violations.</param>
/// <param name="Objective">The objective of the sequence (equal to <see cref="SequenceEvaluation.Cost"/>).</param>
/// <param name="BestBound">The best lower bound on the objective that the solver proved.</param>
/// <param name="Baseline">The cost and violations of the bodies in their given (first come, first served) order.</param>
/// <param name="Heuristic">The cost and violations of the greedy sequence that seeded the search.</param>
/// <param name="Classes">The classes of interchangeable bodies (same colour and ruled options) the model works with.</param>
/// <param name="Windows">The CP-SAT models solved: 1 when the whole day fits one model, otherwise the rolling windows.</param>
/// <param name="Elapsed">The time the whole run took, model building included.</param>
/// <param name="Message">One sentence on the outcome.</param>
public sealed record SequencingResult(
    SequencingStatus Status,
    IReadOnlyList<SequencingBody> Sequence,
    SequenceEvaluation Evaluation,
    long Objective,
    long BestBound,
    SequenceEvaluation Baseline,
    SequenceEvaluation Heuristic,
    int Classes,
    int Windows,
    TimeSpan Elapsed,
    string Message)
{
    /// <summary>Gets the relative optimality gap, (objective − bound) / max(1, objective); 0 when proven optimal.</summary>
    public double Gap => Status == SequencingStatus.Optimal ? 0 : Math.Max(0, Objective - BestBound) / (double)Math.Max(1, Objective);
}
