using System.Collections.Concurrent;
using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.Server.Tests.TestSupport;

/// <summary>
/// A device as plain MQTT sees it: one MQTTnet client with the gateway's client id, QoS 1, many publishes in flight, and a
/// record of which sequence numbers the broker acknowledged. Knows nothing of FactoryTwin's code.
/// </summary>
internal sealed class RawGateway : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private readonly string? _publisher;

    private RawGateway(IMqttClient client, string? publisher)
    {
        _client = client;
        _publisher = publisher;
    }

    /// <summary>Gets the sequence numbers acknowledged with a success reason code.</summary>
    public ConcurrentDictionary<long, byte> Acknowledged { get; } = new();

    /// <summary>Gets the reason codes of acknowledgements that were not a success, by sequence number.</summary>
    public ConcurrentDictionary<long, MqttClientPublishReasonCode> Refused { get; } = new();

    /// <summary>Gets the publish→PUBACK latencies in milliseconds of acknowledged messages.</summary>
    public ConcurrentBag<double> Latencies { get; } = [];

    /// <summary>Connects; with <paramref name="namesItself"/> every message carries the MQTT 5 user property <c>publisher</c> = the client id, as a gateway behind an external broker must.</summary>
    public static async Task<RawGateway> ConnectAsync(int port, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V500, bool namesItself = false)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithProtocolVersion(version).WithCleanStart(true).WithTimeout(TimeSpan.FromSeconds(30)).Build();
        await client.ConnectAsync(options, TestContext.Current.CancellationToken);
        return new RawGateway(client, namesItself ? clientId : null);
    }

    /// <summary>A one-value <c>measure</c> payload.</summary>
    public static byte[] Measure(long seq, DateTimeOffset ts, string sensor, double value) => System.Text.Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}","seq":{{seq}},"values":[{"sensor":"{{sensor}}","value":{{value}}}]}"""));

    /// <summary>
    /// Publishes every message of <paramref name="messages"/> with <paramref name="lanes"/> in flight. Returns when all were
    /// answered, or when the connection broke (then what was not acknowledged is simply not in <see cref="Acknowledged"/>).
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="messages">(seq, payload) pairs.</param>
    /// <param name="lanes">Publishes in flight.</param>
    /// <returns>Whether every message was answered (the connection held).</returns>
    public async Task<bool> PublishAsync(string topic, IEnumerable<(long Seq, byte[] Payload)> messages, int lanes = 64)
    {
        var queue = new ConcurrentQueue<(long Seq, byte[] Payload)>(messages);
        var broken = 0;
        async Task LaneAsync()
        {
            while (Volatile.Read(ref broken) == 0 && queue.TryDequeue(out var m))
            {
                var started = TimeProvider.System.GetTimestamp();
                MqttClientPublishResult result;
                try
                {
                    var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(m.Payload)
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
                    if (_publisher is not null)
                    {
                        builder = builder.WithUserProperty("publisher", System.Text.Encoding.UTF8.GetBytes(_publisher).AsMemory());
                    }

                    var message = builder.Build();
                    result = await _client.PublishAsync(message, TestContext.Current.CancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !TestContext.Current.CancellationToken.IsCancellationRequested)
                {
                    // The connection broke (the server stopped or died): this message was not acknowledged.
                    Interlocked.Exchange(ref broken, 1);
                    return;
                }

                if (result.IsSuccess)
                {
                    Acknowledged.TryAdd(m.Seq, 0);
                    Latencies.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Refused[m.Seq] = result.ReasonCode;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(LaneAsync)));
        return broken == 0;
    }

    /// <summary>
    /// Publishes a stream of messages numbered 1, 2, … with <paramref name="lanes"/> in flight until
    /// <paramref name="stop"/> fires or the connection breaks.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="payloadOf">The payload of a sequence number.</param>
    /// <param name="stop">Ends the stream; publishes in flight are still answered.</param>
    /// <param name="lanes">Publishes in flight.</param>
    /// <returns>The number of messages sent.</returns>
    public async Task<long> FloodAsync(string topic, Func<long, byte[]> payloadOf, CancellationToken stop, int lanes = 256)
    {
        long next = 0;
        var broken = 0;
        async Task LaneAsync()
        {
            while (!stop.IsCancellationRequested && Volatile.Read(ref broken) == 0)
            {
                var seq = Interlocked.Increment(ref next);
                var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payloadOf(seq))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                try
                {
                    var result = await _client.PublishAsync(message, TestContext.Current.CancellationToken);
                    if (result.IsSuccess)
                    {
                        Acknowledged.TryAdd(seq, 0);
                    }
                    else
                    {
                        Refused[seq] = result.ReasonCode;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !TestContext.Current.CancellationToken.IsCancellationRequested)
                {
                    Interlocked.Exchange(ref broken, 1);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(LaneAsync)));
        return Interlocked.Read(ref next);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The server is gone already.
        }

        _client.Dispose();
    }
}
