using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.VirtualPlant.Tests.TestSupport;

/// <summary>A plain MQTTnet subscriber to every telemetry topic, QoS 1; keeps each message once per (publisher, seq).</summary>
internal sealed class Subscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly int _port;

    private Subscriber(int port)
    {
        _port = port;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            var publisher = m.UserProperties?.FirstOrDefault(u => u.Name == "publisher") is { } p ? Encoding.UTF8.GetString(p.ValueBuffer.Span) : "?";
            var payload = Encoding.UTF8.GetString(m.Payload);
            using var doc = JsonDocument.Parse(payload);
            long seq = doc.RootElement.GetProperty("seq").GetInt64();
            Messages.TryAdd((publisher, seq), new Received(publisher, seq, m.Topic, payload));
            Interlocked.Increment(ref _deliveries);
            return Task.CompletedTask;
        };
    }

    private long _deliveries;

    public ConcurrentDictionary<(string Publisher, long Seq), Received> Messages { get; } = new();

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public static async Task<Subscriber> ConnectAsync(int port)
    {
        var s = new Subscriber(port);
        await s.ReconnectAsync();
        return s;
    }

    public async Task ReconnectAsync()
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId("test-subscriber")
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await _client.ConnectAsync(options, cts.Token);
                break;
            }
            catch (Exception) when (!cts.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cts.Token);
            }
        }

        await _client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter("factorytwin/v1/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    /// <summary>Waits until <paramref name="count"/> distinct messages arrived.</summary>
    public Task WaitForAsync(long count, TimeSpan timeout) =>
        Poll.UntilAsync(() => Messages.Count >= count, timeout, () => $"{Messages.Count} of {count} messages arrived");

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    public sealed record Received(string Publisher, long Seq, string Topic, string Payload)
    {
        public JsonElement Json => JsonDocument.Parse(Payload).RootElement.Clone();

        public string Line => Topic.Split('/')[3];

        public string Asset => Topic.Split('/')[4];

        public string Kind => Topic.Split('/')[5];
    }
}
