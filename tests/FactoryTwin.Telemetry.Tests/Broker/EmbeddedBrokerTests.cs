using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry.Tests.Broker;

/// <summary>The embedded broker binds what it is told, refuses what MQTT forbids, and never acknowledges a refusal as a success.</summary>
public sealed class EmbeddedBrokerTests
{
    private const byte PubAck = 0x40;
    private const byte Disconnect = 0xE0;
    private const byte TopicNameInvalid = 0x90;
    private const byte NotAuthorized = 0x87;

    private static readonly byte[] StatePayload = Encoding.UTF8.GetBytes("""{"ts":"2026-11-28T06:00:00Z","seq":1,"state":"working"}""");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_HostIPv4Loopback_OnlyThatAddressListensOnBothPorts()
    {
        using var certificate = SelfSigned();
        var options = new TelemetryOptions { Host = "127.0.0.1", Port = FreePorts.Next(), TlsPort = FreePorts.Next(), TlsCertificate = certificate };
        await using var broker = new EmbeddedBroker(Options.Create(options), NullLogger<EmbeddedBroker>.Instance);

        await broker.StartAsync(Ct);

        Assert.Equal(
            new[] { $"127.0.0.1:{options.Port}", $"127.0.0.1:{options.TlsPort}" }.Order(StringComparer.Ordinal),
            ListeningSockets.On(options.Port, options.TlsPort));
    }

    [Fact]
    public async Task Start_HostIPv6Loopback_OnlyThatAddressListensOnBothPorts()
    {
        Assert.SkipWhen(!File.Exists("/proc/net/if_inet6") || !File.ReadAllText("/proc/net/if_inet6").Contains("00000000000000000000000000000001", StringComparison.Ordinal), "no IPv6 loopback");
        using var certificate = SelfSigned();
        var options = new TelemetryOptions { Host = "::1", Port = FreePorts.Next(), TlsPort = FreePorts.Next(), TlsCertificate = certificate };
        await using var broker = new EmbeddedBroker(Options.Create(options), NullLogger<EmbeddedBroker>.Instance);

        await broker.StartAsync(Ct);

        Assert.Equal(
            new[] { $"[::1]:{options.Port}", $"[::1]:{options.TlsPort}" }.Order(StringComparer.Ordinal),
            ListeningSockets.On(options.Port, options.TlsPort));
    }

    [Theory]
    [InlineData("a/#")]
    [InlineData("#")]
    [InlineData("a/+/b")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/#")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/st<NUL>ate")]
    public async Task Publish_Mqtt5TopicWithWildcardOrNul_RefusedTopicNameInvalidAndCounted(string topic)
    {
        await using var harness = await IngestionHarness.StartAsync();
        var (client, code) = await RawMqttClient.ConnectAsync(harness.Port, "gw-paint", v5: true);
        await using var _ = client;
        Assert.Equal(0, code);

        await client.PublishAsync(Encoding.UTF8.GetBytes(topic.Replace("<NUL>", "\0", StringComparison.Ordinal)), 7, StatePayload);
        var answer = await client.ReadPacketAsync();

        Assert.NotNull(answer);
        Assert.Equal(PubAck, answer.Value.Header & 0xF0);
        Assert.Equal(TopicNameInvalid, answer.Value.Body[2]);
        Assert.Equal(1, harness.Broker.Refused(BrokerRefusal.InvalidTopic));
        Assert.Equal(0, harness.Metrics.Received);
    }

    [Theory]
    [InlineData("a/#")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/+")]
    public async Task Publish_Mqtt311TopicWithWildcard_DisconnectsWithoutPubAck(string topic)
    {
        var logger = new CapturingLogger<EmbeddedBroker>();
        var options = new TelemetryOptions { Port = FreePorts.Next() };
        await using var broker = new EmbeddedBroker(Options.Create(options), logger);
        await broker.StartAsync(Ct);
        var (client, code) = await RawMqttClient.ConnectAsync(options.Port, "gw-paint", v5: false);
        await using var _ = client;
        Assert.Equal(0, code);

        await client.PublishAsync(Encoding.UTF8.GetBytes(topic), 7, StatePayload);
        var packets = await client.ReadUntilClosedAsync();

        Assert.All(packets, p => Assert.Equal(Disconnect, p.Header & 0xF0));
        Assert.Equal(1, broker.Refused(BrokerRefusal.InvalidTopic));
        Assert.Contains(logger.Entries, e => e.Id.Id == 2101 && e.Message.Contains("gw-paint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_Mqtt311DeviceOutsideItsLines_DisconnectsLogsAndCounts()
    {
        var logger = new CapturingLogger<EmbeddedBroker>();
        var options = new TelemetryOptions { Port = FreePorts.Next(), RequireDeviceAuthentication = true };
        await using var broker = new EmbeddedBroker(Options.Create(options), logger, authenticator: new BodyLineAuthenticator());
        await broker.StartAsync(Ct);
        var (client, code) = await RawMqttClient.ConnectAsync(options.Port, "gw-body", v5: false, "gw-body", "secret");
        await using var _ = client;
        Assert.Equal(0, code);

        // Its own line is acknowledged; another line's topic closes the connection instead of a PUBACK that MQTT 3.1.1
        // could only read as a success.
        await client.PublishAsync("factorytwin/v1/lakeside/body/respot/state"u8, 1, StatePayload);
        var own = await client.ReadPacketAsync();
        await client.PublishAsync("factorytwin/v1/lakeside/paint/ecoat-oven/state"u8, 2, StatePayload);
        var packets = await client.ReadUntilClosedAsync();

        Assert.NotNull(own);
        Assert.Equal(PubAck, own.Value.Header & 0xF0);
        Assert.All(packets, p => Assert.Equal(Disconnect, p.Header & 0xF0));
        Assert.Equal(1, broker.Refused(BrokerRefusal.PublishNotAllowed));
        Assert.Contains(logger.Entries, e => e.Id.Id == 2101 && e.Message.Contains("gw-body", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_Mqtt5DeviceOutsideItsLines_NotAuthorizedAndStaysConnected()
    {
        var options = new TelemetryOptions { Port = FreePorts.Next(), RequireDeviceAuthentication = true };
        await using var broker = new EmbeddedBroker(Options.Create(options), NullLogger<EmbeddedBroker>.Instance, authenticator: new BodyLineAuthenticator());
        await broker.StartAsync(Ct);
        var (client, _) = await RawMqttClient.ConnectAsync(options.Port, "gw-body", v5: true, "gw-body", "secret");
        await using var __ = client;

        await client.PublishAsync("factorytwin/v1/lakeside/paint/ecoat-oven/state"u8, 1, StatePayload);
        var refused = await client.ReadPacketAsync();
        await client.PublishAsync("factorytwin/v1/lakeside/body/respot/state"u8, 2, StatePayload);
        var accepted = await client.ReadPacketAsync();

        Assert.Equal(NotAuthorized, refused!.Value.Body[2]);
        Assert.Equal(PubAck, accepted!.Value.Header & 0xF0);
        Assert.True(accepted.Value.Body.Length == 2 || accepted.Value.Body[2] < 0x80);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class BodyLineAuthenticator : IMqttClientAuthenticator
    {
        public ValueTask<MqttClientGrant?> AuthenticateAsync(string clientId, string? userName, string? password, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(clientId == "gw-body" && password == "secret" ? MqttClientGrant.ForLines(["body"]) : null);
    }
}
