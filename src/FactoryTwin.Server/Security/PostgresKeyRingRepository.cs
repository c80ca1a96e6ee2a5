using System.Xml.Linq;
using FactoryTwin.Server.Cluster;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The data-protection key ring of a cluster, in <c>factorytwin_dataprotection_keys</c>: every node reads the same keys,
/// so a cookie or antiforgery token issued by one node is accepted by all of them. The keys are stored as ASP.NET Core
/// writes them (not encrypted at rest): access to the database is what protects them, as file modes do on one node.
/// </summary>
internal sealed class PostgresKeyRingRepository : IXmlRepository
{
    private readonly ClusterDatabase _database;

    public PostgresKeyRingRepository(ClusterDatabase database)
    {
        _database = database;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = _database.DataSource.CreateCommand("SELECT xml FROM factorytwin_dataprotection_keys ORDER BY created, friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? "key-" + Secrets.NewId() : friendlyName;

        // Two nodes may create a key at the same moment; both keep theirs (names are key ids, so they differ).
        using var command = _database.DataSource.CreateCommand(
            "INSERT INTO factorytwin_dataprotection_keys (friendly_name, xml) VALUES (@n, @x) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.AddWithValue("n", name);
        command.Parameters.AddWithValue("x", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
