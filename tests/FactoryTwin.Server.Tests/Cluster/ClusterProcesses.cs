namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// The tests that start several real <c>serve</c> processes as one cluster. They run one at a time, after the assembly's
/// other tests: each node is a whole server with an Orleans silo, and two or three such clusters at once on a 2-core
/// machine starve each other and every test beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcesses
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cluster processes";
}
