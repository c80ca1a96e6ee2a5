using Npgsql;

namespace FactoryTwin.Server.Cluster;

/// <summary>
/// The PostgreSQL database a cluster's nodes share (<see cref="ServerOptions.ClusterConnectionString"/>): one pooled
/// data source for the server's shared state (security store, key ring, settings, audit log, change relay). Orleans
/// and the historian open their own connections from the same connection string.
/// </summary>
internal sealed class ClusterDatabase : IDisposable
{
    public ClusterDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Gets the connection string. Never logged.</summary>
    public string ConnectionString { get; }

    /// <summary>Gets the pooled data source.</summary>
    public NpgsqlDataSource DataSource { get; }

    public void Dispose() => DataSource.Dispose();
}
