using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.Server.Tests.Security;

/// <summary>Devices authenticate to the embedded broker with their own credentials and publish only under their lines.</summary>
public sealed class DeviceAuthenticationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IngestionCounters Counters => server.Host.App.Services.GetRequiredService<IngestionCounters>();

    [Fact]
    public async Task Connect_WrongPassword_RefusedAndCounted()
    {
        var password = await IssueAsync("gw-assembly");
        var before = Counters.Get("factorytwin.telemetry.broker.refused{bad-credentials}");

        var result = await TryConnectAsync("gw-assembly", password + "x");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
        Assert.Equal(before + 1, Counters.Get("factorytwin.telemetry.broker.refused{bad-credentials}"));
    }

    [Fact]
    public async Task Connect_NoCredentials_Refused()
    {
        var result = await TryConnectAsync("gw-assembly", null);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task Publish_OtherLinesTopic_RefusedCountedAndNotStored()
    {
        var password = await IssueAsync("gw-body");
        var historian = server.Host.App.Services.GetRequiredService<IHistorian>();
        var before = Counters.Get("factorytwin.telemetry.broker.refused{publish-not-allowed}");
        using var client = await ConnectAsync("gw-body", password);
        var now = TimeProvider.System.GetUtcNow();

        // gw-body may publish for the body line only: the paint oven's topic is refused ...
        var refused = await PublishAsync(client, "factorytwin/v1/lakeside/paint/ecoat-oven/state", State(1, now));
        // ... while its own station's state, sent after it on the same connection, is stored.
        var accepted = await PublishAsync(client, "factorytwin/v1/lakeside/body/respot/state", State(2, now));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);
        Assert.True(accepted.IsSuccess);
        await Poll.UntilAsync(async token => (await historian.GetLatestAsync([new SeriesId("respot/state")], token)).Count == 1, TimeSpan.FromSeconds(30), cancellationToken: Ct);
        Assert.Empty(await historian.GetLatestAsync([new SeriesId("ecoat-oven/state")], Ct));
        Assert.Equal(before + 1, Counters.Get("factorytwin.telemetry.broker.refused{publish-not-allowed}"));
    }

    [Fact]
    public async Task Subscribe_Hash_Refused()
    {
        var password = await IssueAsync("gw-paint");
        using var client = await ConnectAsync("gw-paint", password);

        var result = await client.SubscribeAsync("#", MqttQualityOfServiceLevel.AtLeastOnce, Ct);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, result.Items.Single().ResultCode);
    }

    [Fact]
    public async Task Devices_AfterIssue_ListNoSecret()
    {
        var password = await IssueAsync("gw-paint");
        using var admin = server.Host.Client(Role.Admin);

        var listing = await admin.GetStringAsync("api/v1/devices", Ct);
        var stored = await File.ReadAllTextAsync(Path.Combine(server.Host.DataFolder, "security.json"), Ct);

        Assert.Contains("gw-paint", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(password, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
    }

    private static string State(long seq, DateTimeOffset ts) => string.Create(
        CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}","seq":{{seq}},"state":"working"}""");

    private static async Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string payload) =>
        await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);

    private async Task<string> IssueAsync(string gateway)
    {
        using var admin = server.Host.Client(Role.Admin);
        using var response = await admin.PostAsJsonAsync("api/v1/devices", new { id = gateway }, Ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("password").GetString()!;
    }

    private async Task<MqttClientConnectResultCode> TryConnectAsync(string clientId, string? password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(Options(clientId, password), Ct);
            return result.ResultCode;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException ex) when (ex.InnerException is null && ex.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal))
        {
            return MqttClientConnectResultCode.BadUserNameOrPassword;
        }
    }

    private async Task<IMqttClient> ConnectAsync(string clientId, string? password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(clientId, password), Ct);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private MqttClientOptions Options(string clientId, string? password)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", server.Host.MqttPort).WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true);
        if (password is not null)
        {
            builder = builder.WithCredentials(clientId, password);
        }

        return builder.Build();
    }
}
