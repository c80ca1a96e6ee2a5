namespace FactoryTwin.Analytics.Sequencing;

/// <summary>A better sequence found during the search.</summary>
/// <param name="Objective">Its cost.</param>
/// <param name="BestBound">The best lower bound on the cost proven so far.</param>
/// <param name="Elapsed">The search time so far.</param>
public readonly record struct SequencingProgress(long Objective, long BestBound, TimeSpan Elapsed);
