using System.Globalization;
using System.Net;
using System.Text.Json;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// Two real <c>serve</c> nodes of one cluster whose gateways connect to the nodes' own embedded brokers (no external
/// broker): a device password issued on node A lets the gateway in on node B, and once A replaces or deletes it, B
/// refuses the old one at the next connection. The nodes keep no copy of the credentials.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class DeviceCredentialsAcrossNodesTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-devices-").FullName;
    private readonly List<ServeProcess> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADevicePasswordIssuedOnNodeA_ConnectsOnNodeB_AndStopsWorkingThereWhenAReplacesOrDeletesIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "PostgreSQL comes from Debian packages.");
        postgres.RequireServer();
        var connectionString = await postgres.CreateSchemaAsync();
        var token = await ThreeNodeClusterTests.AdminTokenAsync(connectionString, "devices-admin-password");

        var clusterId = "dev-" + Guid.NewGuid().ToString("N")[..8];
        var brokerPorts = new int[2];
        for (var i = 0; i < 2; i++)
        {
            var settings = ThreeNodeClusterTests.EmbeddedBrokerNodeSettings(connectionString, clusterId, ("Server__DeviceAuthentication", "true"));
            brokerPorts[i] = int.Parse(settings["Telemetry__Port"], CultureInfo.InvariantCulture);
            _nodes.Add(await ServeProcess.StartAsync(Folder(i), settings));
        }

        using var a = ThreeNodeClusterTests.NodeClient(Folder(0), _nodes[0].Url!);
        var password = await IssueAsync(a, token);

        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync(brokerPorts[1], password));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync(brokerPorts[1], password + "x"));

        // Replaced on A: the old password no longer works on B, the new one does.
        var replaced = await IssueAsync(a, token);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync(brokerPorts[1], password));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync(brokerPorts[1], replaced));

        // Deleted on A: refused on B.
        using (var delete = await ThreeNodeClusterTests.SendAsync(a, HttpMethod.Delete, "api/v1/devices/gw-paint", token))
        {
            Assert.True(delete.IsSuccessStatusCode, await delete.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync(brokerPorts[1], replaced));
    }

    public void Dispose() => ThreeNodeClusterTests.StopNodes(_nodes, _dir);

    private static async Task<string> IssueAsync(HttpClient node, string token)
    {
        using var response = await ThreeNodeClusterTests.SendAsync(node, HttpMethod.Post, "api/v1/devices", token, new { id = "gw-paint" });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("password").GetString()!;
    }

    private static async Task<MqttClientConnectResultCode> ConnectAsync(int port, string password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("gw-paint")
            .WithCredentials("gw-paint", password).WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).Build();
        try
        {
            var result = await client.ConnectAsync(options, Ct);
            await client.DisconnectAsync(cancellationToken: Ct);
            return result.ResultCode;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException ex) when (ex.InnerException is null && ex.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal))
        {
            return MqttClientConnectResultCode.BadUserNameOrPassword;
        }
    }

    private string Folder(int node)
    {
        var folder = Path.Combine(_dir, "node-" + node.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
