using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// What a range of replications of a <see cref="ReplicationJob"/> produced: one row of <paramref name="Width"/>
/// numbers per replication, in replication order, and the silo that ran them.
/// </summary>
/// <param name="First">The first replication.</param>
/// <param name="Count">The number of replications.</param>
/// <param name="Width">The numbers per replication.</param>
/// <param name="Values">The rows one after the other.</param>
/// <param name="Host">The silo that ran the range.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.ReplicationChunkView")]
public sealed record ReplicationChunkView(
    [property: Id(0)] int First,
    [property: Id(1)] int Count,
    [property: Id(2)] int Width,
    [property: Id(3)] ImmutableArray<double> Values,
    [property: Id(4)] string Host);
