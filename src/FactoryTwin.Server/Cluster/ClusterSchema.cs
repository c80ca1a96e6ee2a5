using System.Globalization;
using System.Reflection;
using Npgsql;

namespace FactoryTwin.Server.Cluster;

/// <summary>
/// The cluster's database schema, shipped as embedded resources (<c>Cluster/Sql/NNNN-name.sql</c>) and applied in order:
/// FactoryTwin's own tables and statements for the Orleans ADO.NET providers 10.4.2 (clustering, grain persistence,
/// reminders), written to the query contract the providers read from the <c>OrleansQuery</c> table (the provider
/// packages ship no scripts), then FactoryTwin's shared-state tables. An upgrade adds a script with the next number
/// (a changed provider statement is upserted into <c>OrleansQuery</c> again); shipped scripts never change. Each applied script has a row in
/// <see cref="VersionTable"/>, so applying is idempotent and an upgrade applies only the scripts that are new. Every
/// script runs in a transaction of its own together with its version row, under an advisory lock, so nodes that start
/// together apply each script once and a failed script leaves nothing half done.
/// </summary>
internal static class ClusterSchema
{
    /// <summary>The table that records the applied scripts.</summary>
    public const string VersionTable = "factorytwin_schema_migrations";

    /// <summary>The advisory-lock key held while scripts are applied ("FTClus").</summary>
    public const long LockKey = 0x46_54_43_6C_75_73;

    private const string ResourcePrefix = "FactoryTwin.Server.Cluster.Sql.";

    /// <summary>Gets the shipped scripts, in the order they apply.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Load();

    /// <summary>Applies the scripts that the database does not have yet.</summary>
    /// <param name="connectionString">The Npgsql connection string of the cluster's database.</param>
    /// <param name="cancellationToken">Cancels between scripts (and the one running, by the server).</param>
    /// <returns>The versions applied now, in order; empty when the database was up to date.</returns>
    public static async Task<IReadOnlyList<int>> ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // A session-level lock held across the scripts: another node starting now waits here, then finds them applied.
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var done = new HashSet<int>();
            await using (var read = new NpgsqlCommand($"SELECT version FROM {VersionTable}", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    done.Add(reader.GetInt32(0));
                }
            }

            var applied = new List<int>();
            foreach (var migration in Migrations)
            {
                if (done.Contains(migration.Version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                try
                {
                    await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                }
                catch (PostgresException e)
                {
                    throw new InvalidOperationException(
                        $"Cluster schema script {migration.Version:D4}-{migration.Name}.sql failed: {e.MessageText} ({e.SqlState}). Nothing of it was applied.", e);
                }

                await using (var record = new NpgsqlCommand($"INSERT INTO {VersionTable} (version, name) VALUES (@v, @n)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", migration.Version);
                    record.Parameters.AddWithValue("n", migration.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied.Add(migration.Version);
            }

            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(ClusterSchema).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            // "0002-orleans-clustering.sql" → version 2, name "orleans-clustering".
            var file = resource[ResourcePrefix.Length..^".sql".Length];
            var dash = file.IndexOf('-', StringComparison.Ordinal);
            var version = int.Parse(file.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, file[(dash + 1)..], Read(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One shipped script.</summary>
    /// <param name="Version">Its number, the order it applies in.</param>
    /// <param name="Name">Its name, the file name without number and extension.</param>
    /// <param name="Sql">Its text.</param>
    internal sealed record Migration(int Version, string Name, string Sql);
}
