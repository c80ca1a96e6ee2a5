using System.Net.Http.Headers;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.TestSupport;

/// <summary>
/// A real in-process FactoryTwin server (Orleans silo, embedded broker with device authentication, DuckDB historian,
/// security store) in a temporary data folder, served through the test server, with one user and API token per role.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly Dictionary<Role, string> _tokens = [];

    private ServerHost(WebApplication app, string dataFolder, int mqttPort)
    {
        App = app;
        DataFolder = dataFolder;
        MqttPort = mqttPort;
    }

    public WebApplication App { get; }

    public string DataFolder { get; }

    public int MqttPort { get; }

    public static Task<ServerHost> StartAsync(params string[] extraArgs) => StartAsync(static _ => { }, extraArgs);

    /// <summary>
    /// Starts a server whose services <paramref name="configure"/> may change (to wrap the store, say) before it is built.
    /// The free ports are picked just before the start, so another process may take one first (an outgoing connection's
    /// ephemeral port, say): then the start is tried again on new ports, up to three times.
    /// </summary>
    public static async Task<ServerHost> StartAsync(Action<WebApplicationBuilder> configure, params string[] extraArgs)
    {
        var dataFolder = Directory.CreateTempSubdirectory("factorytwin-server-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts.Take(4);
            var app = Build(configure, dataFolder, ports, extraArgs);
            try
            {
                await app.StartAsync(TestContext.Current.CancellationToken);
            }
            catch (Exception ex) when (attempt < 3 && IsAddressInUse(ex))
            {
                await app.DisposeAsync();
                continue;
            }

            return WithRoleTokens(app, dataFolder, ports[0]);
        }
    }

    private static bool IsAddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is Microsoft.AspNetCore.Connections.AddressInUseException || ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static WebApplication Build(Action<WebApplicationBuilder> configure, string dataFolder, int[] ports, string[] extraArgs)
    {
        string[] args =
        [
            "--Server:DataFolder=" + dataFolder,
            "--Historian:DataFolder=" + dataFolder,
            "--Historian:MaintenanceIntervalMinutes=0",
            "--Twin:DataFolder=" + dataFolder,
            "--Twin:ForecastReplications=20",
            "--Telemetry:Port=" + ports[0],
            "--Telemetry:TlsPort=" + ports[1],
            "--Server:Orleans:SiloPort=" + ports[2],
            "--Server:Orleans:GatewayPort=" + ports[3],
            "--Server:ApiRequestsPerMinute=1000000",
            "--Server:MaxRequestBodyBytes=65536",
            "--Server:Emulator=false",
            .. extraArgs,
        ];
        var builder = FactoryTwinServer.CreateBuilder(args);
        builder.WebHost.UseTestServer();
        configure(builder);
        return FactoryTwinServer.Build(builder);
    }

    /// <summary>Wraps a started server with one user and API token per role.</summary>
    private static ServerHost WithRoleTokens(WebApplication app, string dataFolder, int mqttPort)
    {
        var host = new ServerHost(app, dataFolder, mqttPort);
        var store = app.Services.GetRequiredService<ISecurityStore>();
        foreach (var role in Roles.All)
        {
            var name = "test-" + Roles.Name(role);
            store.TryAddUser(name, role, "password-of-" + name, null, out _);
            host._tokens[role] = store.IssueToken(name, "tests", role, null).Token;
        }

        return host;
    }

    /// <summary>Creates a client; with a role it sends that role's bearer token.</summary>
    public HttpClient Client(Role? role = null)
    {
        var client = App.GetTestClient();
        client.BaseAddress = new Uri("https://localhost/");
        if (role is { } r)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[r]);
        }

        return client;
    }

    public string Token(Role role) => _tokens[role];

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background thread; the temp folder is cleaned by the system.
        }
    }
}
