using System.Collections.Immutable;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Buffers;

/// <summary>The outcome of a buffer allocation search.</summary>
/// <param name="Line">The line.</param>
/// <param name="Buffers">The allocated buffers, in the line's order.</param>
/// <param name="Best">The best allocation found with its throughput interval.</param>
/// <param name="Current">The plant's own allocation with its throughput, for comparison.</param>
/// <param name="Path">The accepted allocations in order, from the start to <paramref name="Best"/>.</param>
/// <param name="TargetReached">With a throughput target: whether the best allocation's mean reaches it; otherwise <see langword="null"/>.</param>
/// <param name="Stop">Why the search stopped.</param>
/// <param name="Evaluations">Allocation evaluations spent (simulation runs of one allocation, each of several replications).</param>
/// <param name="Replications">Replications simulated in all.</param>
/// <param name="Elapsed">Wall-clock time of the search.</param>
public sealed record BufferAllocationResult(
    LineId Line,
    ImmutableArray<AssetId> Buffers,
    AllocationEstimate Best,
    AllocationEstimate Current,
    ImmutableArray<AllocationEstimate> Path,
    bool? TargetReached,
    string Stop,
    int Evaluations,
    long Replications,
    TimeSpan Elapsed)
{
    /// <summary>Gets the best allocation as buffer–capacity pairs.</summary>
    public ImmutableArray<BufferCapacity> Allocation => [.. Buffers.Select((b, i) => new BufferCapacity(b, Best.Capacities[i]))];

    /// <summary>Gets the evaluations per second of wall-clock time.</summary>
    public double EvaluationsPerSecond => Elapsed > TimeSpan.Zero ? Evaluations / Elapsed.TotalSeconds : 0;
}
