using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// The replications of a what-if comparison (docs/whatif.md): the baseline plant and each scenario, all on the same
/// seed (common random numbers), from the empty plant after a warm-up or from a live snapshot to the end of its shift.
/// The plant and the scenarios travel as their YAML text and every silo reads them the same way, so replication i of
/// every plant uses the streams of (seed, i) wherever it runs.
/// </summary>
/// <param name="RunId">
/// Identifies the comparison: a worker keeps what it built from a job (the plants read and their simulations) for the
/// next chunk with the same id, so two different jobs must never share one. <see cref="Create"/> makes a new one.
/// </param>
/// <param name="Plant">The baseline plant file.</param>
/// <param name="Scenarios">The what-if scenario files, at least one, in report order.</param>
/// <param name="WarmUp">The warm-up from the empty plant, in seconds (ignored with a <paramref name="Snapshot"/>).</param>
/// <param name="Duration">The statistics window after the warm-up, in seconds (ignored with a <paramref name="Snapshot"/>).</param>
/// <param name="Snapshot">The live plant every replication starts from, or <see langword="null"/> for the empty plant.</param>
/// <param name="Horizon">How long to run from the snapshot, or <see langword="null"/> for the end of its shift.</param>
/// <param name="Confidence">The confidence level of the intervals, in (0, 1).</param>
/// <param name="Replications">The replications per plant, at least 2.</param>
/// <param name="Seed">The seed shared by the baseline and every scenario.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.WhatIfReplicationJob")]
public sealed record WhatIfReplicationJob(
    [property: Id(0)] string RunId,
    [property: Id(1)] YamlDocument Plant,
    [property: Id(2)] ImmutableArray<YamlDocument> Scenarios,
    [property: Id(3)] double WarmUp,
    [property: Id(4)] double Duration,
    [property: Id(5)] TwinSnapshot? Snapshot,
    [property: Id(6)] TimeSpan? Horizon,
    [property: Id(7)] double Confidence,
    int Replications,
    ulong Seed) : ReplicationJob(Replications, Seed)
{
    /// <summary>Creates a job with a new <see cref="RunId"/>.</summary>
    /// <param name="plant">The baseline plant file.</param>
    /// <param name="scenarios">The scenario files, at least one.</param>
    /// <param name="replications">The replications per plant, at least 2.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="warmUp">The warm-up in seconds (from the empty plant).</param>
    /// <param name="duration">The statistics window in seconds (from the empty plant).</param>
    /// <param name="snapshot">The live plant to start from, or <see langword="null"/>.</param>
    /// <param name="horizon">How long to run from the snapshot, or <see langword="null"/> for the end of its shift.</param>
    /// <param name="confidence">The confidence level of the intervals.</param>
    /// <returns>The job.</returns>
    public static WhatIfReplicationJob Create(
        YamlDocument plant,
        ImmutableArray<YamlDocument> scenarios,
        int replications,
        ulong seed,
        double warmUp = 3600,
        double duration = 8 * 3600,
        TwinSnapshot? snapshot = null,
        TimeSpan? horizon = null,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return new WhatIfReplicationJob(Guid.NewGuid().ToString("N"), plant, scenarios, warmUp, duration, snapshot, horizon, confidence, replications, seed);
    }
}
