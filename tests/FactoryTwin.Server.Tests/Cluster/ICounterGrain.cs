namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>A test grain with one persistent counter in the ADO.NET grain storage <see cref="AdoNetSilo.Store"/>.</summary>
[Alias("FactoryTwin.Server.Tests.Cluster.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the counter and writes the state; returns the new value.</summary>
    [Alias("Add")]
    Task<int> AddAsync(int amount, CancellationToken cancellationToken = default);

    /// <summary>Gets the counter as this activation holds it.</summary>
    [Alias("Get")]
    Task<int> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the address of the silo this activation runs on.</summary>
    [Alias("GetSilo")]
    Task<string> GetSiloAsync(CancellationToken cancellationToken = default);
}
