namespace FactoryTwin.Server;

/// <summary>How a <c>serve</c> node runs (<see cref="ServerOptions.Cluster"/>).</summary>
public enum ClusterMode
{
    /// <summary>One process holds everything: localhost clustering, files and DuckDB in the data folder.</summary>
    Embedded,

    /// <summary>A silo of an Orleans cluster whose nodes share one PostgreSQL database.</summary>
    Postgres,
}
