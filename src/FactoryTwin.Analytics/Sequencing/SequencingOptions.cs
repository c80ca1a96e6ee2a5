namespace FactoryTwin.Analytics.Sequencing;

/// <summary>How long and with how many threads the CP-SAT search runs.</summary>
public sealed record SequencingOptions
{
    /// <summary>The default time limit of the search.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>The default number of CP-SAT workers.</summary>
    public const int DefaultWorkers = 2;

    /// <summary>Gets the wall-clock limit of the CP-SAT search (presolve included); the best sequence found by then
    /// is returned with its bound and gap.</summary>
    /// <value>The default value is 10 s.</value>
    public TimeSpan TimeLimit { get; init; } = DefaultTimeLimit;

    /// <summary>Gets the number of CP-SAT worker threads.</summary>
    /// <value>The default value is 2.</value>
    public int Workers { get; init; } = DefaultWorkers;

    /// <summary>Gets the solver's random seed; the same seed and one worker give the same search.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; init; }

    /// <summary>Gets the clock that times the run (<see cref="SequencingResult.Elapsed"/>).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
