using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>A plain MQTTnet client acting as a gateway: its client id is the gateway id; with an external broker it also names itself in the <c>publisher</c> user property.</summary>
internal sealed class TestPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly string? _publisherProperty;

    private TestPublisher(IMqttClient client, string? publisherProperty)
    {
        _client = client;
        _publisherProperty = publisherProperty;
    }

    public static async Task<TestPublisher> ConnectAsync(int port, string clientId, bool namesItself = false)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).Build();
        await client.ConnectAsync(options);
        return new TestPublisher(client, namesItself ? clientId : null);
    }

    public async Task<bool> PublishAsync(string topic, string payload, CancellationToken cancellationToken = default)
    {
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_publisherProperty is not null)
        {
            builder = builder.WithUserProperty("publisher", System.Text.Encoding.UTF8.GetBytes(_publisherProperty).AsMemory());
        }

        var result = await _client.PublishAsync(builder.Build(), cancellationToken);
        return result.IsSuccess;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
