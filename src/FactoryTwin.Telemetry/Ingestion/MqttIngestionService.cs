using System.Collections.Concurrent;
using System.Threading.Channels;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Schema;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>
/// Subscribes to the site's telemetry with QoS 1 and a persistent MQTT 5 session, validates each message as it arrives,
/// hands it through a bounded channel to one writer that commits batches to the <see cref="ITelemetryStore"/>, and only
/// then acknowledges the messages (PUBACK, in arrival order), rejected ones included. A slow store therefore fills the
/// channel, the receive handler waits, unacknowledged messages reach the Receive Maximum and the broker holds the rest.
/// </summary>
internal sealed partial class MqttIngestionService : BackgroundService
{
    private readonly TelemetryOptions _options;
    private readonly ITelemetryStore _store;
    private readonly TimeProvider _time;
    private readonly TelemetryMetrics _metrics;
    private readonly ILogger<MqttIngestionService> _logger;
    private readonly PlantCatalog _catalog;
    private readonly TelemetryValidator _validator;
    private readonly string _filter;
    private readonly Channel<InboxItem> _inbox;
    private readonly ConcurrentQueue<InboxItem> _pool = new();
    private readonly IMqttClient _client;
    private readonly BatchObserverDispatcher _observers;
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private int _connection;
    private volatile bool _subscribed;
    private readonly TaskCompletionSource _firstSubscription = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long the host's start waits for the first subscription before it goes on without it.</summary>
    internal static readonly TimeSpan StartupSubscribeWait = TimeSpan.FromSeconds(15);

    public MqttIngestionService(
        IOptions<TelemetryOptions> options,
        PlantModel plant,
        ITelemetryStore store,
        [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time,
        TelemetryMetrics metrics,
        ILogger<MqttIngestionService> logger,
        IEnumerable<ITelemetryBatchObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plant);
        _options = options.Value;
        _store = store;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _observers = new BatchObserverDispatcher(observers ?? [], time, logger);
        var catalog = new PlantCatalog(plant);
        _catalog = catalog;
        _validator = new TelemetryValidator(catalog, _options, time, metrics, logger);
        _filter = TelemetryTopic.FilterFor(catalog.Site, _options.SharedSubscriptionGroup);

        // Wait, not drop: a full inbox must stall the MQTT receive handler so that acknowledgements slow down and the
        // broker keeps the backlog. Capacity = Receive Maximum, the most the broker sends before acknowledgements.
        _inbox = Channel.CreateBounded<InboxItem>(new BoundedChannelOptions(_options.ReceiveMaximum)
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

    /// <summary>Gets whether the client is connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Gets whether the subscription of the current connection was granted.</summary>
    public bool IsSubscribed => _subscribed;

    /// <summary>Gets the number of times a batch observer failed.</summary>
    public long ObserverFailures => _observers.FailureTotal;

    public override void Dispose()
    {
        _client.Dispose();
        _observers.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Starts ingestion and holds the host's start until the first subscription is granted (at most
    /// <see cref="StartupSubscribeWait"/>), so that nothing started after it — the twin, the virtual plant, a test's
    /// publisher — publishes before anyone reads the stream: a broker drops messages that no subscription matches. A
    /// broker that cannot be reached does not stop the host: ingestion keeps retrying in the background.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when ingestion reads the stream, or after the wait.</returns>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
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
        var writer = Task.Run(() => RunWriterAsync(stoppingToken), stoppingToken);
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

            _inbox.Writer.TryComplete();
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
        // Acknowledge only after the store has committed (or the message was rejected): see RunWriterAsync.
        e.AutoAcknowledge = false;
        var connection = Volatile.Read(ref _connection);
        _metrics.MessageReceived();
        if (!_pool.TryDequeue(out var item))
        {
            item = new InboxItem();
        }

        item.Message = e;
        item.Connection = connection;
        var message = e.ApplicationMessage;
        _validator.Validate(message.Topic, PublisherOf(message.UserProperties), message.Payload, item.Points, item.Parts);
        if (!_inbox.Writer.TryWrite(item))
        {
            await _inbox.Writer.WriteAsync(item, _stopping);
        }
    }

    private string? PublisherOf(List<MqttUserProperty>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        // The last one wins: the embedded broker appends its stamp after removing any the client sent.
        for (var i = properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(properties[i].Name, TelemetryTopic.PublisherProperty, StringComparison.Ordinal))
            {
                return _catalog.Publisher(properties[i].ValueBuffer.Span);
            }
        }

        return null;
    }

    private async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        var reader = _inbox.Reader;
        var items = new List<InboxItem>(_options.ReceiveMaximum);
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            items.Clear();
            int points = 0, parts = 0;

            // Natural batching: take what is waiting, up to the batch limit; at low load a batch is one message.
            while (points < _options.MaxBatchPoints && reader.TryRead(out var item))
            {
                items.Add(item);
                points += item.Points.Count;
                parts += item.Parts.Count;
            }

            if (points + parts > 0)
            {
                await CommitAsync(Batch(items, points, parts), cancellationToken);
            }

            await AcknowledgeAsync(items, cancellationToken);
        }
    }

    private static TelemetryBatch Batch(List<InboxItem> items, int points, int parts)
    {
        var p = new List<SeriesPoint>(points);
        var e = parts == 0 ? [] : new List<PartEvent>(parts);
        foreach (var item in items)
        {
            p.AddRange(item.Points);
            e.AddRange(item.Parts);
        }

        return new TelemetryBatch(p, e);
    }

    private async Task CommitAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectMinDelay;
        while (true)
        {
            var started = _time.GetTimestamp();
            try
            {
                await _store.AppendAsync(batch, cancellationToken);
                _metrics.Committed(batch.Points.Count, batch.Parts.Count, _time.GetElapsedTime(started));
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Never acknowledge what is not committed: keep the batch and retry; the broker keeps the rest meanwhile.
                _metrics.CommitFailed();
                Log.CommitFailed(_logger, ex, batch.Points.Count, batch.Parts.Count, delay);
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }

        // Committed: observers (the live twin) see the batch before its messages are acknowledged; their failures
        // are logged and counted, never retried, so the store stays the source of truth.
        if (_observers.Count > 0)
        {
            await _observers.NotifyAsync(batch, cancellationToken);
        }
    }

    private async Task AcknowledgeAsync(List<InboxItem> items, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _connection);
        foreach (var item in items)
        {
            // Settled before the PUBACK leaves, so the in-flight count never runs ahead of the broker's window.
            _metrics.MessagesSettled(1);
            if (item.Connection != current || !_client.IsConnected)
            {
                Log.StaleAcknowledgementSkipped(_logger);
            }
            else
            {
                try
                {
                    await item.Message!.AcknowledgeAsync(cancellationToken);
                    _metrics.MessageAcknowledged();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.AcknowledgeFailed(_logger, ex);
                }
            }

            item.Clear();
            _pool.Enqueue(item);
        }
    }
}
