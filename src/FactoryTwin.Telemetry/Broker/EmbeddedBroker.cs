using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FactoryTwin.Telemetry.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace FactoryTwin.Telemetry.Broker;

/// <summary>
/// The embedded MQTT broker (MQTTnet.Server) for a one-machine installation, started when <see cref="TelemetryOptions.Broker"/>
/// is <see cref="TelemetryBrokerMode.Embedded"/>. It keeps persistent sessions, raises the per-client queue limit (MQTTnet's
/// default of 250 silently drops the oldest), enforces each MQTT 5 client's Receive Maximum, and stamps every PUBLISH with the
/// publishing client's id as the user property <c>publisher</c> — replacing any the client sent — so ingestion knows who sent it.
/// </summary>
internal sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly TelemetryOptions _options;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly ConcurrentDictionary<string, FlowWindow> _windows = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public EmbeddedBroker(IOptions<TelemetryOptions> options, ILogger<EmbeddedBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Gets whether the broker is running.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Broker != TelemetryBrokerMode.Embedded || _server is not null)
        {
            return;
        }

        var factory = new MqttServerFactory();
        var address = IPAddress.Parse(_options.Host);
        var builder = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(_options.Port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(_options.EmbeddedMaxPendingMessagesPerClient);
        builder = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? builder.WithDefaultEndpointBoundIPV6Address(address)
            : builder.WithDefaultEndpointBoundIPAddress(address);
        var server = factory.CreateMqttServer(builder.Build());
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.InterceptingPublishAsync += OnInterceptingPublishAsync;
        server.InterceptingOutboundPacketAsync += OnOutboundPacketAsync;
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
        await server.StartAsync().WaitAsync(cancellationToken);
        _server = server;
        Log.BrokerStarted(_logger, _options.Host, _options.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;
        await server.StopAsync(new MqttServerStopOptions()).WaitAsync(cancellationToken);
        server.Dispose();
        foreach (var window in _windows.Values)
        {
            window.Dispose();
        }

        _windows.Clear();
        Log.BrokerStopped(_logger);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // Device authentication (user name and password per gateway) belongs here; it is a later issue.
        if (e.ProtocolVersion == MqttProtocolVersion.V500)
        {
            // Receive Maximum absent (0) means 65,535 [MQTT-3.1.2.11.3].
            var window = new FlowWindow(e.ReceiveMaximum == 0 ? ushort.MaxValue : e.ReceiveMaximum);
            _windows.AddOrUpdate(e.ClientId, window, (_, _) => window);
        }
        else
        {
            _windows.TryRemove(e.ClientId, out _);
        }

        return Task.CompletedTask;
    }

    private static Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        var properties = e.ApplicationMessage.UserProperties ??= [];
        properties.RemoveAll(static p => string.Equals(p.Name, TelemetryTopic.PublisherProperty, StringComparison.Ordinal));
        properties.Add(new MqttUserProperty(TelemetryTopic.PublisherProperty, Encoding.UTF8.GetBytes(e.ClientId).AsMemory()));
        return Task.CompletedTask;
    }

    private Task OnOutboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is MqttPublishPacket { QualityOfServiceLevel: > MqttQualityOfServiceLevel.AtMostOnce } &&
            _windows.TryGetValue(e.ClientId, out var window))
        {
            return window.EnterAsync(e.CancellationToken);
        }

        return Task.CompletedTask;
    }

    private Task OnInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is MqttPubAckPacket or MqttPubCompPacket && _windows.TryGetValue(e.ClientId, out var window))
        {
            window.Release();
        }

        return Task.CompletedTask;
    }
}
