using FactoryTwin.Historian;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FactoryTwin.Server.Cluster;

/// <summary>Cluster mode (<c>Server:Cluster=Postgres</c>): the schema, the shared database and the defaults that follow from it.</summary>
internal static class ClusterHostingExtensions
{
    /// <summary>
    /// Brings the cluster's database schema up to date (before Orleans or anything else touches it), registers the
    /// shared <see cref="ClusterDatabase"/>, and makes the historian PostgreSQL.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="options">The server options, with <see cref="ServerOptions.ClusterConnectionString"/>.</param>
    /// <returns>The database.</returns>
    /// <exception cref="InvalidOperationException">No connection string, or the database cannot be reached or upgraded.</exception>
    public static ClusterDatabase AddFactoryTwinCluster(this WebApplicationBuilder builder, ServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterConnectionString))
        {
            throw new InvalidOperationException("Server:ClusterConnectionString is required when Server:Cluster is Postgres.");
        }

        ApplySchema(options.ClusterConnectionString, "Server:ClusterConnectionString");

        var database = new ClusterDatabase(options.ClusterConnectionString);
        builder.Services.AddSingleton(database);
        // Every node reads and writes the same history (a per-node DuckDB file would split it): PostgreSQL, in
        // Historian:ConnectionString's database when set, else the cluster's. The shipped appsettings.json names DuckDB
        // for one machine, so this overrides the provider rather than filling in a default.
        builder.Services.PostConfigure<HistorianOptions>(o =>
        {
            o.Provider = HistorianProvider.Postgres;
            o.ConnectionString ??= options.ClusterConnectionString;
        });

        return database;
    }

    /// <summary>Brings a database's FactoryTwin/Orleans schema up to date before the host starts, or says which setting names a database that cannot be reached.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="setting">The setting it came from, for the error.</param>
    /// <exception cref="InvalidOperationException">The database cannot be reached, or a script failed.</exception>
    public static void ApplySchema(string connectionString, string setting)
    {
        try
        {
            ClusterSchema.ApplyAsync(connectionString).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The database of {setting} cannot be reached or upgraded: {e.Message}", e);
        }
    }
}
