namespace FactoryTwin.Mes.Performance;

/// <summary>
/// Where the twin's cure verdicts of the bodies that left an oven are kept across restarts: a file beside the schedule
/// (<see cref="CureVerdictFile"/>), or in a cluster the database. A body's latest verdict replaces an earlier one.
/// </summary>
public interface ICureVerdictStore
{
    /// <summary>Gets where the verdicts are kept, for messages.</summary>
    string Location { get; }

    /// <summary>Reads the kept verdicts, oldest first, one per body.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verdicts.</returns>
    Task<IReadOnlyList<BodyQuality>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps verdicts (a body's replaces what was kept for it).</summary>
    /// <param name="verdicts">The verdicts, in the order they were made.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are kept durably.</returns>
    Task AppendAsync(IReadOnlyList<BodyQuality> verdicts, CancellationToken cancellationToken = default);
}
