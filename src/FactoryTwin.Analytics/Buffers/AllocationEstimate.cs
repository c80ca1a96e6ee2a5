using System.Collections.Immutable;

namespace FactoryTwin.Analytics.Buffers;

/// <summary>An allocation with its estimated line throughput.</summary>
/// <param name="Capacities">The capacity of each buffer, in the order of <see cref="BufferAllocationResult.Buffers"/>.</param>
/// <param name="Throughput">Mean line throughput in jobs per hour over the replications.</param>
/// <param name="HalfWidth">Half-width of its confidence interval (Student t).</param>
/// <param name="Replications">The replications behind the estimate.</param>
public sealed record AllocationEstimate(ImmutableArray<int> Capacities, double Throughput, double HalfWidth, int Replications)
{
    /// <summary>Gets the total capacity.</summary>
    public int Total => Capacities.Sum();
}
