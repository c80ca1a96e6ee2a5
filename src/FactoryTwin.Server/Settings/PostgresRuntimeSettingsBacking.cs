using System.Text.Json;
using FactoryTwin.Server.Cluster;
using NpgsqlTypes;

namespace FactoryTwin.Server.Settings;

/// <summary>
/// The settings of a cluster: one JSON row in <c>factorytwin_settings</c>, read on every use (a primary-key lookup,
/// at most once per forecast or request), so a change made on one node is in force on all nodes at once.
/// </summary>
internal sealed class PostgresRuntimeSettingsBacking : IRuntimeSettingsBacking
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly ClusterDatabase _database;

    public PostgresRuntimeSettingsBacking(ClusterDatabase database)
    {
        _database = database;
    }

    public RuntimeSettingsDocument? Read()
    {
        using var command = _database.DataSource.CreateCommand("SELECT document::text FROM factorytwin_settings WHERE id = 1");
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<RuntimeSettingsDocument>(json, JsonOptions) : null;
    }

    public void Write(RuntimeSettingsDocument document)
    {
        using var command = _database.DataSource.CreateCommand(
            "INSERT INTO factorytwin_settings (id, document) VALUES (1, @d) ON CONFLICT (id) DO UPDATE SET document = excluded.document");
        command.Parameters.AddWithValue("d", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document, JsonOptions));
        command.ExecuteNonQuery();
    }
}
