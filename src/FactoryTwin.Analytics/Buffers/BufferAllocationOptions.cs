using System.Collections.Immutable;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Buffers;

/// <summary>
/// What to allocate and how hard to look: a line's buffers, a total budget (maximise throughput) or a throughput target
/// (minimise the total), and the statistical settings of the search. Times in seconds.
/// </summary>
public sealed record BufferAllocationOptions
{
    /// <summary>Gets the line whose buffers are allocated, or <see langword="null"/> for the plant's only line with buffers.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LineId? Line { get; init; }

    /// <summary>Gets the buffers to allocate (of <see cref="Line"/>), or empty for every buffer of the line.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<AssetId> Buffers { get; init; } = [];

    /// <summary>Gets the total capacity to share out (maximise throughput), or <see langword="null"/> with <see cref="TargetThroughput"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? Budget { get; init; }

    /// <summary>
    /// Gets the allocation a budget search starts from (one capacity per buffer, summing to the budget), or empty for the
    /// even allocation (the odd units to the middle buffers).
    /// </summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<int> Start { get; init; } = [];

    /// <summary>Gets the line throughput to reach in jobs per hour (minimise the total capacity), or <see langword="null"/> with <see cref="Budget"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? TargetThroughput { get; init; }

    /// <summary>
    /// Gets the least capacity of a buffer. 0 lets the search remove a buffer (its upstream element then hands parts
    /// straight to the downstream one); a buffer that routes to several elements keeps at least 1.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int MinCapacity { get; init; }

    /// <summary>Gets the largest total tried when searching for <see cref="TargetThroughput"/>.</summary>
    /// <value>The default value is 200.</value>
    public int MaxBudget { get; init; } = 200;

    /// <summary>Gets the replications of a first comparison, at least 2.</summary>
    /// <value>The default value is 10.</value>
    public int Replications { get; init; } = 10;

    /// <summary>Gets the most replications a comparison grows to before the search accepts it cannot tell two allocations apart.</summary>
    /// <value>The default value is 160.</value>
    public int MaxReplications { get; init; } = 160;

    /// <summary>
    /// Gets the indifference zone as a fraction of throughput: a neighbour better by less than this is not worth telling
    /// apart, so the search stops when every neighbour is shown (at the confidence level) not to be better by more.
    /// </summary>
    /// <value>The default value is 0.005 (0.5 %).</value>
    public double IndifferenceZone { get; init; } = 0.005;

    /// <summary>Gets the overall confidence level of each step's comparisons (Bonferroni-split over the neighbours).</summary>
    /// <value>The default value is 0.95.</value>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Gets the most allocation evaluations (simulation runs) the search may spend.</summary>
    /// <value>The default value is 5000.</value>
    public int MaxEvaluations { get; init; } = 5000;

    /// <summary>Gets the experiment seed: every allocation is simulated with the same streams (common random numbers).</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the warm-up from the empty plant before statistics start.</summary>
    /// <value>The default value is 3600 (1 h).</value>
    public double WarmUp { get; init; } = 3600;

    /// <summary>Gets the statistics window of each replication.</summary>
    /// <value>The default value is 28 800 (8 h).</value>
    public double Duration { get; init; } = 8 * 3600;

    /// <summary>Gets the number of threads; -1 for all cores.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the clock that times the search.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
