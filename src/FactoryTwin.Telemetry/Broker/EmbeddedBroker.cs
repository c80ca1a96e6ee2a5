using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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
/// With <see cref="TelemetryOptions.RequireDeviceAuthentication"/> it asks the host's <see cref="IMqttClientAuthenticator"/>
/// at each connection and applies <see cref="BrokerAccessPolicy"/> to every publish and subscription; a refused publish is
/// answered <c>NotAuthorized</c> and delivered to nobody, so nothing of it reaches ingestion or the store. With
/// <see cref="TelemetryOptions.TlsPort"/> set it also listens with TLS.
/// </summary>
internal sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly TelemetryOptions _options;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly ConcurrentDictionary<string, FlowWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MqttClientGrant> _grants = new(StringComparer.Ordinal);
    private readonly IMqttClientAuthenticator? _authenticator;
    private readonly BrokerMetrics _metrics;
    private MqttServer? _server;

    public EmbeddedBroker(
        IOptions<TelemetryOptions> options,
        ILogger<EmbeddedBroker> logger,
        IMqttClientAuthenticator? authenticator = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _metrics = new BrokerMetrics(meterFactory);
        _authenticator = authenticator;
    }

    /// <summary>Gets whether the broker is running.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Broker != TelemetryBrokerMode.Embedded || _server is not null)
        {
            return;
        }

        if (_options.RequireDeviceAuthentication && _authenticator is null)
        {
            throw new InvalidOperationException(
                "Telemetry:RequireDeviceAuthentication is on but the host registered no IMqttClientAuthenticator.");
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
        if (_options.TlsPort > 0)
        {
            var certificate = _options.TlsCertificate
                ?? throw new InvalidOperationException("Telemetry:TlsPort is set but no TLS certificate was given to the embedded broker.");
            builder = builder.WithEncryptedEndpoint()
                .WithEncryptedEndpointPort(_options.TlsPort)
                .WithEncryptionCertificate(certificate)
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            builder = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? builder.WithEncryptedEndpointBoundIPV6Address(address)
                : builder.WithEncryptedEndpointBoundIPAddress(address);
        }

        var server = factory.CreateMqttServer(builder.Build());
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.InterceptingPublishAsync += OnInterceptingPublishAsync;
        server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
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
        _grants.Clear();
        Log.BrokerStopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _metrics.Dispose();
    }

    /// <summary>Gets the refusals counted for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long Refused(BrokerRefusal reason) => _metrics.Refused(reason);

    private async Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        if (_options.RequireDeviceAuthentication)
        {
            var grant = await _authenticator!.AuthenticateAsync(e.ClientId, e.UserName, e.Password, e.CancellationToken);
            if (grant is null)
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                _metrics.Refuse(BrokerRefusal.BadCredentials);
                BrokerLog.ConnectionRefused(_logger, e.ClientId);
                return;
            }

            _grants[e.ClientId] = grant;
        }

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
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        _grants.TryRemove(e.ClientId, out _);
        return Task.CompletedTask;
    }

    private MqttClientGrant? GrantOf(string clientId, out bool known)
    {
        if (!_options.RequireDeviceAuthentication)
        {
            known = true;
            return null;
        }

        known = _grants.TryGetValue(clientId, out var grant);
        return grant;
    }

    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var grant = GrantOf(e.ClientId, out var known);
        if (!known || !BrokerAccessPolicy.MaySubscribe(grant, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            _metrics.Refuse(BrokerRefusal.SubscribeNotAllowed);
        }

        return Task.CompletedTask;
    }

    private Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        // An empty client id is a message the host injected into the broker itself.
        if (e.ClientId.Length > 0)
        {
            var grant = GrantOf(e.ClientId, out var known);
            if (!known || !BrokerAccessPolicy.MayPublish(grant, e.ApplicationMessage.Topic))
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                _metrics.Refuse(BrokerRefusal.PublishNotAllowed);
                return Task.CompletedTask;
            }
        }

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
