using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>How a what-if comparison is run. Times in seconds.</summary>
public sealed record WhatIfOptions
{
    /// <summary>The default number of replications.</summary>
    public const int DefaultReplications = 200;

    /// <summary>Gets the replications per scenario (and of the baseline), at least 2; replication i of every scenario uses the streams of (seed, i).</summary>
    /// <value>The default value is 200.</value>
    public int Replications { get; init; } = DefaultReplications;

    /// <summary>Gets the experiment seed, shared by the baseline and every scenario (common random numbers).</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the warm-up from the empty plant at the first shift start of the week (ignored with <see cref="Start"/>).</summary>
    /// <value>The default value is 3600 (1 h).</value>
    public double WarmUp { get; init; } = 3600;

    /// <summary>Gets the statistics window after the warm-up (ignored with <see cref="Start"/>: the run then ends at the shift end, or after <see cref="Horizon"/>).</summary>
    /// <value>The default value is 28 800 (8 h, a shift).</value>
    public double Duration { get; init; } = 8 * 3600;

    /// <summary>
    /// Gets the plant state to start every scenario from (the live twin's snapshot), or <see langword="null"/> to start
    /// from the empty plant. From a snapshot the run lasts to the end of the shift around its instant (or <see cref="Horizon"/>).
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public PlantSnapshot? Start { get; init; }

    /// <summary>Gets how long to run from <see cref="Start"/>, or <see langword="null"/> for the end of the shift.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? Horizon { get; init; }

    /// <summary>Gets the confidence level of the intervals, in (0, 1).</summary>
    /// <value>The default value is 0.95.</value>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Gets the number of threads; -1 for all cores.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the clock that times the comparison (<see cref="WhatIfResult.Elapsed"/>).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
