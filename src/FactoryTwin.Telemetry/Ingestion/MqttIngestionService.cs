using System.Threading.Channels;
using FactoryTwin.Telemetry.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>
/// Ingestion from an external broker (<see cref="TelemetryBrokerMode.External"/>): subscribes to the site's telemetry with
/// QoS 1 and a persistent MQTT 5 session, hands each message to the <see cref="IngestionPipeline"/> as it arrives, and
/// acknowledges it (PUBACK, in arrival order) only once the pipeline has settled it — committed to the store, or
/// rejected. At most <see cref="TelemetryOptions.ReceiveMaximum"/> messages are unacknowledged, so a slow store makes the
/// broker hold the rest. With the embedded broker this service does nothing: the broker hands messages to the pipeline
/// itself and holds the devices' own acknowledgements (see <see cref="Broker.EmbeddedBroker"/>).
/// </summary>
internal sealed partial class MqttIngestionService : BackgroundService
{
    private readonly TelemetryOptions _options;
    private readonly IngestionPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly TelemetryMetrics _metrics;
    private readonly ILogger<MqttIngestionService> _logger;
    private readonly string _filter;
    private readonly Channel<Received> _received;
    private readonly IMqttClient _client;
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private int _connection;
    private volatile bool _subscribed;
    private readonly TaskCompletionSource _firstSubscription = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long the host's start waits for the first subscription before it goes on without it.</summary>
    internal static readonly TimeSpan StartupSubscribeWait = TimeSpan.FromSeconds(15);

    public MqttIngestionService(
        IOptions<TelemetryOptions> options,
        IngestionPipeline pipeline,
        TimeProvider time,
        TelemetryMetrics metrics,
        ILogger<MqttIngestionService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        _options = options.Value;
        _pipeline = pipeline;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _filter = TelemetryTopic.FilterFor(pipeline.Catalog.Site, _options.SharedSubscriptionGroup);

        // Capacity = Receive Maximum, the most the broker sends before acknowledgements.
        _received = Channel.CreateBounded<Received>(new BoundedChannelOptions(_options.ReceiveMaximum)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.ConnectingAsync += _ =>
        {
            Interlocked.Increment(ref _connection);
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += e =>
        {
            _subscribed = false;
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Gets the topic filter subscribed to.</summary>
    public string Filter => _filter;

    /// <summary>Gets whether this service reads from an external broker (with the embedded one it does nothing).</summary>
    public bool IsActive => _options.Broker == TelemetryBrokerMode.External;

    /// <summary>Gets whether the client is connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Gets whether the subscription of the current connection was granted.</summary>
    public bool IsSubscribed => _subscribed;

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Starts ingestion and, with an external broker, holds the host's start until the first subscription is granted (at
    /// most <see cref="StartupSubscribeWait"/>), so that nothing started after it — the twin, the virtual plant, a test's
    /// publisher — publishes before anyone reads the stream: a broker drops messages that no subscription matches. A
    /// broker that cannot be reached does not stop the host: ingestion keeps retrying in the background.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when ingestion reads the stream, or after the wait.</returns>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        await base.StartAsync(cancellationToken);
        try
        {
            await _firstSubscription.Task.WaitAsync(StartupSubscribeWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.StartedWithoutSubscription(_logger, _options.Host, _options.Port, StartupSubscribeWait.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var acknowledger = Task.Run(() => RunAcknowledgerAsync(stoppingToken), stoppingToken);
        try
        {
            await RunConnectionAsync(stoppingToken);
        }
        finally
        {
            if (_client.IsConnected)
            {
                // A normal disconnect keeps the session (its expiry was set on connect): unacknowledged messages are redelivered.
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            }

            _received.Writer.TryComplete();
            await acknowledger.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunConnectionAsync(CancellationToken cancellationToken)
    {
        var options = BuildClientOptions();
        var subscribe = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var delay = _options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                var connected = await _client.ConnectAsync(options, cancellationToken);
                if (connected.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException("the broker refused the connection: " + connected.ResultCode);
                }

                var result = await _client.SubscribeAsync(subscribe, cancellationToken);
                var code = result.Items.Count == 1 ? result.Items.First().ResultCode : MqttClientSubscribeResultCode.UnspecifiedError;
                if (code > MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    Log.SubscribeRefused(_logger, _filter, code.ToString());
                    await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
                    throw new InvalidOperationException("the broker refused the subscription: " + code);
                }

                _subscribed = true;
                _firstSubscription.TrySetResult();
                Log.Connected(_logger, _options.Host, _options.Port, _options.ClientId, _filter, connected.IsSessionPresent);
                delay = _options.ReconnectMinDelay;
                await _disconnected.Task.WaitAsync(cancellationToken);
                Log.Disconnected(_logger, "connection closed");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ConnectFailed(_logger, ex, _options.Host, _options.Port, delay);
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)_options.ReceiveMaximum)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (_options.UserName is not null)
        {
            builder = builder.WithCredentials(_options.UserName, _options.Password);
        }

        return builder.Build();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        // Acknowledge only after the pipeline has settled it (committed or rejected): see RunAcknowledgerAsync.
        e.AutoAcknowledge = false;
        var connection = Volatile.Read(ref _connection);
        var message = e.ApplicationMessage;
        var acceptance = await _pipeline.AcceptAsync(message.Topic, PublisherOf(message.UserProperties), message.Payload, _stopping);
        var received = new Received(e, acceptance.Ticket, connection);
        if (!_received.Writer.TryWrite(received))
        {
            await _received.Writer.WriteAsync(received, _stopping);
        }
    }

    private string? PublisherOf(List<MqttUserProperty>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        // The last one wins: a broker that stamps the publisher appends its stamp after any the client sent.
        for (var i = properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(properties[i].Name, TelemetryTopic.PublisherProperty, StringComparison.Ordinal))
            {
                return _pipeline.Catalog.Publisher(properties[i].ValueBuffer.Span);
            }
        }

        return null;
    }

    private async Task RunAcknowledgerAsync(CancellationToken cancellationToken)
    {
        var reader = _received.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var received))
            {
                await _pipeline.WaitSettledAsync(received.Ticket, cancellationToken);
                if (received.Connection != Volatile.Read(ref _connection) || !_client.IsConnected)
                {
                    Log.StaleAcknowledgementSkipped(_logger);
                    continue;
                }

                try
                {
                    await received.Message.AcknowledgeAsync(cancellationToken);
                    _metrics.MessageAcknowledged();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.AcknowledgeFailed(_logger, ex);
                }
            }
        }
    }

    /// <summary>A message taken by the pipeline and waiting to be acknowledged to the broker.</summary>
    private readonly record struct Received(MqttApplicationMessageReceivedEventArgs Message, long Ticket, int Connection);
}
