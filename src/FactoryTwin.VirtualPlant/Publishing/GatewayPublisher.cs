using System.Text;
using FactoryTwin.Model.Ids;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace FactoryTwin.VirtualPlant.Publishing;

/// <summary>
/// One gateway's MQTT client: client id and user name = the gateway id, MQTT 5, QoS 1 with up to
/// <see cref="VirtualPlantOptions.MaxInFlight"/> publishes in flight. Messages wait in a bounded FIFO buffer while
/// the broker is away; when it is full the oldest message is dropped and counted, so
/// <c>created = published + refused + dropped + buffered</c> holds at every moment. A publish whose connection breaks is
/// put back at the front and sent again after the reconnect (at least once: the broker may see it twice; its
/// <c>seq</c> makes it a duplicate).
/// </summary>
internal sealed class GatewayPublisher : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly string _id;
    private readonly VirtualPlantOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttUserProperty? _publisherProperty;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly OutgoingMessage[] _ring;
    private int _head;
    private int _count;
    private int _inFlight;
    private long _nextSeq;
    private long _created;
    private long _published;
    private long _points;
    private long _dropped;
    private long _refused;
    private long _connections;
    private bool _fullLogged;
    private volatile GatewayConnectionState _state = GatewayConnectionState.Connecting;
    private Task? _pump;

    public GatewayPublisher(GatewayId gateway, VirtualPlantOptions options, TimeProvider time, ILogger logger)
    {
        _id = gateway.Value;
        Gateway = gateway;
        _options = options;
        _time = time;
        _logger = logger;
        _ring = new OutgoingMessage[options.BufferCapacity];
        _client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(_id)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        builder = options.Passwords.TryGetValue(_id, out var password)
            ? builder.WithCredentials(_id, password)
            : builder.WithCredentials(new MqttClientCredentials(_id, default));
        _clientOptions = builder.Build();
        if (options.SendPublisherProperty)
        {
            _publisherProperty = new MqttUserProperty("publisher", Encoding.UTF8.GetBytes(_id).AsMemory());
        }
    }

    public GatewayId Gateway { get; }

    public GatewayConnectionState State => _state;

    /// <summary>Takes the next sequence number (called by the one thread that creates messages).</summary>
    public long TakeSeq() => Interlocked.Increment(ref _nextSeq) - 1;

    /// <summary>Gets the sequence number the next message will take; readable from any thread.</summary>
    public long NextSeq => Interlocked.Read(ref _nextSeq);

    /// <summary>Sets the first sequence number, before any is taken: a restarted gateway continues its counter.</summary>
    /// <param name="next">The sequence number of the first message.</param>
    public void StartSeqAt(long next)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(next);
        Interlocked.Exchange(ref _nextSeq, next);
    }

    public GatewayStatus Status()
    {
        lock (_gate)
        {
            return new GatewayStatus(Gateway, _state, _created, _published, _points, _count + _inFlight, _dropped, Math.Max(0, _connections - 1));
        }
    }

    /// <summary>Gets the messages the broker refused (an MQTT 5 error reason code, e.g. not authorized); they are not retried.</summary>
    public long Refused
    {
        get
        {
            lock (_gate)
            {
                return _refused;
            }
        }
    }

    /// <summary>Gets the messages waiting or in flight.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _count + _inFlight;
            }
        }
    }

    public void Start() => _pump ??= Task.Run(() => PumpAsync(_stop.Token));

    /// <summary>Buffers a message; drops the oldest when the buffer is full.</summary>
    public void Enqueue(in OutgoingMessage message)
    {
        bool logFull = false;
        lock (_gate)
        {
            if (_count == _ring.Length)
            {
                _head = Next(_head);
                _count--;
                _dropped++;
                logFull = !_fullLogged;
                _fullLogged = true;
            }

            _ring[(_head + _count) % _ring.Length] = message;
            _count++;
            _created++;
        }

        if (logFull)
        {
            Log.BufferFull(_logger, _id);
        }

        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits until every buffered message is published (or the token ends the wait).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
        {
            await WallDelay.For(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_pump is { } pump)
        {
            try
            {
                await pump;
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // the broker went first
            }
        }

        _state = GatewayConnectionState.Stopped;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _signal.Dispose();
        _stop.Dispose();
    }

    private int Next(int i) => i + 1 == _ring.Length ? 0 : i + 1;

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var batch = new OutgoingMessage[Math.Min(_options.MaxInFlight, _ring.Length)];
        var tasks = new Task<MqttClientPublishResult>[batch.Length];
        bool unreachableLogged = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                _state = _connections == 0 ? GatewayConnectionState.Connecting : GatewayConnectionState.Disconnected;
                try
                {
                    await _client.ConnectAsync(_clientOptions, cancellationToken);
                    _connections++;
                    _state = GatewayConnectionState.Connected;
                    unreachableLogged = false;
                    Log.GatewayConnected(_logger, _id, _options.Host, _options.Port);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (!unreachableLogged)
                    {
                        Log.GatewayUnreachable(_logger, _id, _options.Host, _options.Port, ex.Message);
                        unreachableLogged = true;
                    }

                    await WallDelay.For(_options.ReconnectDelay, _time, cancellationToken);
                    continue;
                }
            }

            int n = Take(batch);
            if (n == 0)
            {
                await _signal.WaitAsync(TimeSpan.FromMilliseconds(100), cancellationToken);
                continue;
            }

            for (int i = 0; i < n; i++)
            {
                tasks[i] = PublishOneAsync(batch[i], cancellationToken);
            }

            for (int i = 0; i < n; i++)
            {
                try
                {
                    var result = await tasks[i];
                    lock (_gate)
                    {
                        // Counted and out of flight in one step, so created = published + refused + dropped + buffered holds.
                        if ((int)result.ReasonCode >= 0x80)
                        {
                            _refused++;
                        }
                        else
                        {
                            _published++;
                            _points += batch[i].Points;
                        }

                        _inFlight--;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Not acknowledged: it goes back (with every later one that also failed) for the next connection.
                    tasks[i] = null!;
                }
            }

            PutBack(batch, tasks, n);
        }
    }

    private Task<MqttClientPublishResult> PublishOneAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_publisherProperty is { } p)
        {
            builder = builder.WithUserProperty(p.Name, p.ValueBuffer);
        }

        return _client.PublishAsync(builder.Build(), cancellationToken);
    }

    /// <summary>Moves up to a batch of messages from the buffer to in flight.</summary>
    private int Take(OutgoingMessage[] batch)
    {
        lock (_gate)
        {
            int n = Math.Min(batch.Length, _count);
            for (int i = 0; i < n; i++)
            {
                batch[i] = _ring[_head];
                _ring[_head] = default;
                _head = Next(_head);
            }

            _count -= n;
            _inFlight = n;
            return n;
        }
    }

    /// <summary>Returns the unacknowledged messages of a batch (task cleared) to the front of the buffer, in order.</summary>
    private void PutBack(OutgoingMessage[] batch, Task<MqttClientPublishResult>[] tasks, int n)
    {
        lock (_gate)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                if (tasks[i] is not null)
                {
                    continue;
                }

                if (_count == _ring.Length)
                {
                    // Full: the returning message is older than everything buffered, so it is the one to drop.
                    _dropped++;
                    continue;
                }

                _head = _head == 0 ? _ring.Length - 1 : _head - 1;
                _ring[_head] = batch[i];
                _count++;
            }

            Array.Clear(tasks, 0, n);
            Array.Clear(batch, 0, n);
            _inFlight = 0;
        }
    }
}
