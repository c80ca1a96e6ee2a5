using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// Two real <c>serve</c> nodes of one cluster: a schedule imported on node A is the active schedule on node B, and a
/// document refused on B leaves it active on both. The nodes keep no schedule of their own.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class MesScheduleAcrossNodesTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-schedule-").FullName;
    private readonly List<ServeProcess> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    [Fact]
    public async Task AScheduleImportedOnNodeA_IsActiveOnNodeB_AndARefusedImportOnBChangesNeither()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "PostgreSQL comes from Debian packages.");
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync();
        var token = await ThreeNodeClusterTests.AdminTokenAsync(connectionString, "schedule-admin-password");
        var clusterId = "mes-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 2; i++)
        {
            _nodes.Add(await ServeProcess.StartAsync(Folder(i), ThreeNodeClusterTests.EmbeddedBrokerNodeSettings(connectionString, clusterId)));
        }

        using var a = ThreeNodeClusterTests.NodeClient(Folder(0), _nodes[0].Url!);
        using var b = ThreeNodeClusterTests.NodeClient(Folder(1), _nodes[1].Url!);
        using (var none = await ThreeNodeClusterTests.SendAsync(b, HttpMethod.Get, "api/v1/mes/schedule", token))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        using (var imported = await ImportAsync(a, token, await File.ReadAllTextAsync(SamplePath, Ct)))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        Assert.Equal("LAK-2026-12-07-EARLY", await ActiveIdAsync(b, token));

        using (var refused = await ImportAsync(b, token, ScheduleDocuments.OneOrder(colour: "purple")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal("LAK-2026-12-07-EARLY", await ActiveIdAsync(a, token));
        Assert.Equal("LAK-2026-12-07-EARLY", await ActiveIdAsync(b, token));
        Assert.Empty(Directory.GetFiles(_dir, "schedule.xml", SearchOption.AllDirectories));
    }

    public void Dispose() => ThreeNodeClusterTests.StopNodes(_nodes, _dir);

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient node, string token, string document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/mes/schedule") { Content = new StringContent(document, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await node.SendAsync(request, Ct);
    }

    private static async Task<string?> ActiveIdAsync(HttpClient node, string token)
    {
        using var response = await ThreeNodeClusterTests.SendAsync(node, HttpMethod.Get, "api/v1/mes/schedule", token);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("id").GetString();
    }

    private string Folder(int node)
    {
        var folder = Path.Combine(_dir, "node-" + node.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
