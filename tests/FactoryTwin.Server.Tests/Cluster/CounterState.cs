namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>The state of <see cref="CounterGrain"/>.</summary>
[GenerateSerializer]
[Alias("FactoryTwin.Server.Tests.Cluster.CounterState")]
public sealed class CounterState
{
    /// <summary>Gets or sets the counter.</summary>
    [Id(0)]
    public int Value { get; set; }
}
