using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.Server.Tests.Live;

/// <summary>The SignalR hub pushes state changes only to users who may see the line.</summary>
public sealed class TwinHubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateChange_OnBodyLine_PushedToAllLinesUserButNotToPaintOnlyUser()
    {
        var store = server.Host.App.Services.GetRequiredService<ISecurityStore>();
        store.TryAddUser("paint-only", Role.Viewer, "password-of-paint-only", ["paint"], out _);
        var paintToken = store.IssueToken("paint-only", "tests", Role.Viewer, null).Token;
        var all = new ConcurrentQueue<JsonElement>();
        var paint = new ConcurrentQueue<JsonElement>();
        await using var allConnection = await ConnectAsync(server.Host.Token(Role.Viewer), all);
        await using var paintConnection = await ConnectAsync(paintToken, paint);

        await PublishRespotStateAsync(100, "down");

        for (var i = 0; i < 300 && !all.Any(s => s.GetProperty("asset").GetString() == "respot"); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Ct);
        }

        Assert.Contains(all, s => s.GetProperty("asset").GetString() == "respot" && s.GetProperty("line").GetString() == "body");
        Assert.DoesNotContain(paint, s => s.GetProperty("line").GetString() != "paint");
    }

    [Fact]
    public async Task TelemetryChange_ReachesClientThroughTwinChangeFeed()
    {
        var states = new ConcurrentQueue<JsonElement>();
        var kpis = new ConcurrentQueue<JsonElement>();
        var connection = Build(server.Host.Token(Role.Viewer), states);
        connection.On<JsonElement>("kpis", kpis.Enqueue);
        await connection.StartAsync(Ct);
        await using var _ = connection;

        await PublishRespotStateAsync(200, "setup");

        // The push carries the asset twin's view (its station state as the twin applied it), which only the feed sends.
        static bool IsRespotInSetup(JsonElement s) =>
            s.GetProperty("asset").GetString() == "respot" && s.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Number && state.GetInt32() == 1;
        for (var i = 0; i < 300 && (!states.Any(IsRespotInSetup) || !kpis.Any(k => k.GetProperty("line").GetString() == "body")); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Ct);
        }

        Assert.Contains(states, IsRespotInSetup);
        Assert.Contains(kpis, k => k.GetProperty("line").GetString() == "body");
    }

    [Fact]
    public async Task Connect_WithoutCredentials_IsRefused()
    {
        var connection = Build(null, new ConcurrentQueue<JsonElement>());

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync(Ct));
        await connection.DisposeAsync();
    }

    private HubConnection Build(string? token, ConcurrentQueue<JsonElement> received)
    {
        var testServer = server.Host.App.GetTestServer();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri("https://localhost/hubs/twin"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => testServer.CreateHandler();
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        connection.On<JsonElement>("state", received.Enqueue);
        return connection;
    }

    private async Task<HubConnection> ConnectAsync(string token, ConcurrentQueue<JsonElement> received)
    {
        var connection = Build(token, received);
        await connection.StartAsync(Ct);
        return connection;
    }

    private async Task PublishRespotStateAsync(long seq, string state)
    {
        using var admin = server.Host.Client(Role.Admin);
        using var issued = await admin.PostAsJsonAsync("api/v1/devices", new { id = "gw-body" }, Ct);
        issued.EnsureSuccessStatusCode();
        var password = JsonDocument.Parse(await issued.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("password").GetString()!;
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", server.Host.MqttPort).WithClientId("gw-body")
                .WithCredentials("gw-body", password).WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).Build(),
            Ct);
        var ts = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var result = await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic("factorytwin/v1/lakeside/body/respot/state")
                .WithPayload($$"""{"ts":"{{ts}}","seq":{{seq}},"state":"{{state}}"}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            Ct);
        Assert.True(result.IsSuccess);
    }
}
