using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using FactoryTwin.Telemetry.Ingestion;
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
/// answered <c>NotAuthorized</c> and delivered to nobody, so nothing of it reaches ingestion or the store. A topic name
/// with a wildcard or NUL is refused for everyone (<c>TopicNameInvalid</c>). An MQTT 3.1.1 client, which cannot read a
/// reason code, is disconnected instead of acknowledged when its publish is refused. It listens on exactly
/// <see cref="TelemetryOptions.Host"/>, and with <see cref="TelemetryOptions.TlsPort"/> set also with TLS there.
/// <para>
/// With the <see cref="IngestionPipeline"/> (always, in a host) it is where telemetry enters: each PUBLISH is handed to the
/// pipeline as it is read, and the device's PUBACK (PUBREC for QoS 2) is held back until the store commit that contains
/// the message — so an acknowledgement means durable. MQTTnet processes one connection's packets in order and sends
/// its acknowledgements in order from one queue; holding each one in the outbound interceptor keeps that order while
/// the connection's reading goes on, so many messages of many clients share one commit. When the pipeline's memory
/// budget is used up, the receiving interceptor waits, MQTTnet stops reading the socket, and TCP pushes back on the
/// device. When the host stops, the broker first stops taking PUBLISHes (they are never acknowledged), lets the pipeline
/// commit what it took, sends those acknowledgements, and only then closes the connections (see
/// docs/adr/0002-durable-acknowledgement.md).
/// </para>
/// </summary>
internal sealed class EmbeddedBroker : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>How long a stop waits for the held acknowledgements of committed messages to leave.</summary>
    private static readonly TimeSpan AcknowledgementFlushLimit = TimeSpan.FromSeconds(3);

    private readonly TelemetryOptions _options;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly ConcurrentDictionary<string, FlowWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MqttClientGrant> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _withoutReasonCodes = new(StringComparer.Ordinal);
    private readonly IMqttClientAuthenticator? _authenticator;
    private readonly BrokerMetrics _metrics;
    private readonly IngestionPipeline? _pipeline;
    private readonly TelemetryMetrics? _telemetryMetrics;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DeviceAcknowledgements> _acknowledgements = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _accepting = true;
    private Task? _draining;
    private long _held;
    private MqttServer? _server;

    public EmbeddedBroker(
        IOptions<TelemetryOptions> options,
        ILogger<EmbeddedBroker> logger,
        IngestionPipeline? pipeline = null,
        IMqttClientAuthenticator? authenticator = null,
        IMeterFactory? meterFactory = null,
        TelemetryMetrics? telemetryMetrics = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _metrics = new BrokerMetrics(meterFactory);
        _authenticator = authenticator;
        _pipeline = pipeline;
        _telemetryMetrics = telemetryMetrics;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets the number of device acknowledgements held back until their messages are committed.</summary>
    public long HeldAcknowledgements => Interlocked.Read(ref _held);

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

        // MQTTnet opens one listener per address family and binds the other family's "any" address unless told
        // IPAddress.None; binding exactly the configured address means switching the other family off.
        var address = IPAddress.Parse(_options.Host);
        var v6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var v4Address = v6 ? IPAddress.None : address;
        var v6Address = v6 ? address : IPAddress.None;
        var builder = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(_options.Port)
            .WithDefaultEndpointBoundIPAddress(v4Address)
            .WithDefaultEndpointBoundIPV6Address(v6Address)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(_options.EmbeddedMaxPendingMessagesPerClient);
        if (_options.TlsPort > 0)
        {
            var certificate = _options.TlsCertificate
                ?? throw new InvalidOperationException("Telemetry:TlsPort is set but no TLS certificate was given to the embedded broker.");
            builder = builder.WithEncryptedEndpoint()
                .WithEncryptedEndpointPort(_options.TlsPort)
                .WithEncryptedEndpointBoundIPAddress(v4Address)
                .WithEncryptedEndpointBoundIPV6Address(v6Address)
                .WithEncryptionCertificate(certificate)
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
        }

        var server = factory.CreateMqttServer(builder.Build());
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.InterceptingPublishAsync += OnInterceptingPublishAsync;
        server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.InterceptingOutboundPacketAsync += OnOutboundPacketAsync;
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
        try
        {
            await server.StartAsync().WaitAsync(cancellationToken);
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode is System.Net.Sockets.SocketError.AddressAlreadyInUse or System.Net.Sockets.SocketError.AccessDenied)
        {
            server.Dispose();
            var ports = _options.TlsPort > 0 ? $"{_options.Port} (or TLS port {_options.TlsPort})" : _options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var why = ex.SocketErrorCode == System.Net.Sockets.SocketError.AccessDenied ? "is not allowed to this user" : "is in use by another program (another FactoryTwin or an MQTT broker such as mosquitto?)";
            throw new IOException(
                $"The embedded MQTT broker cannot listen on {_options.Host} port {ports}: the port {why}. Stop that program, or choose free ports with --Telemetry:Port=… and --Telemetry:TlsPort=…, or use it as the broker with --Telemetry:Broker=External.",
                ex);
        }

        _server = server;
        Log.BrokerStarted(_logger, _options.Host, _options.Port);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The first step of a host's stop, before any service stops: take no more PUBLISHes, let the pipeline commit what it
    /// took, and let those acknowledgements leave. The live twin and the rest of the host are still running meanwhile.
    /// </summary>
    /// <param name="cancellationToken">The host's shutdown time.</param>
    /// <returns>A task that completes when what was taken is committed and acknowledged, or the time is up.</returns>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _accepting = false;
        return _draining ??= DrainAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        await StoppingAsync(cancellationToken);
        _server = null;
        try
        {
            await server.StopAsync(new MqttServerStopOptions
            {
                DefaultClientDisconnectOptions = new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.ServerShuttingDown },
            }).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown time is up: disposing the server below drops the connections without a goodbye.
        }

        _closed.TrySetResult();
        server.Dispose();
        foreach (var window in _windows.Values)
        {
            window.Dispose();
        }

        _windows.Clear();
        _grants.Clear();
        _withoutReasonCodes.Clear();
        _acknowledgements.Clear();
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

        if (e.CleanSession == true)
        {
            // A clean start discards the session: acknowledgements held for its earlier connection will never be sent.
            _acknowledgements.TryRemove(e.ClientId, out _);
        }

        if (e.ProtocolVersion == MqttProtocolVersion.V500)
        {
            // Receive Maximum absent (0) means 65,535 [MQTT-3.1.2.11.3].
            var window = new FlowWindow(e.ReceiveMaximum == 0 ? ushort.MaxValue : e.ReceiveMaximum);
            _windows.AddOrUpdate(e.ClientId, window, (_, _) => window);
            _withoutReasonCodes.TryRemove(e.ClientId, out _);
        }
        else
        {
            _windows.TryRemove(e.ClientId, out _);
            _withoutReasonCodes[e.ClientId] = 0;
        }
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        _grants.TryRemove(e.ClientId, out _);
        if (e.DisconnectType != MqttClientDisconnectType.Takeover)
        {
            // After a takeover the new connection has already registered itself under the same client id.
            _withoutReasonCodes.TryRemove(e.ClientId, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Refuses a publish: nothing of it is delivered and the refusal is counted. An MQTT 5 client reads the reason code
    /// in its PUBACK (PUBREC). MQTT 3.1.1 has no reason codes, so any PUBACK reads as a success there: such a client
    /// is disconnected instead [MQTT-3.3.5-2: "the Server MUST either make a positive acknowledgement … or close the
    /// Network Connection"], and the refusal is logged, since the device sees only a lost connection.
    /// </summary>
    private void RefusePublish(InterceptingPublishEventArgs e, BrokerRefusal reason, MqttPubAckReasonCode code)
    {
        e.ProcessPublish = false;
        e.Response.ReasonCode = code;
        _metrics.Refuse(reason);
        if (_withoutReasonCodes.ContainsKey(e.ClientId))
        {
            e.CloseConnection = true;
            var topic = e.ApplicationMessage.Topic ?? "";
            var shown = (topic.Length > 200 ? topic[..200] + "…" : topic).Replace('\0', '\uFFFD');
            BrokerLog.PublishRefusedDisconnected(_logger, e.ClientId, BrokerMetrics.Name(reason), shown);
        }
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

    private async Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        var packetId = e.ClientId.Length > 0 && _acknowledgements.TryGetValue(e.ClientId, out var device) ? device.TakeIncoming() : (ushort)0;

        // An empty client id is a message the host injected into the broker itself.
        if (e.ClientId.Length > 0)
        {
            var topic = e.ApplicationMessage.Topic ?? "";
            if (!BrokerAccessPolicy.IsValidTopicName(topic))
            {
                RefusePublish(e, BrokerRefusal.InvalidTopic, MqttPubAckReasonCode.TopicNameInvalid);
                return;
            }

            var grant = GrantOf(e.ClientId, out var known);
            if (!known || !BrokerAccessPolicy.MayPublish(grant, topic))
            {
                RefusePublish(e, BrokerRefusal.PublishNotAllowed, MqttPubAckReasonCode.NotAuthorized);
                return;
            }
        }

        var message = e.ApplicationMessage;
        var properties = message.UserProperties ??= [];
        properties.RemoveAll(static p => string.Equals(p.Name, TelemetryTopic.PublisherProperty, StringComparison.Ordinal));
        properties.Add(new MqttUserProperty(TelemetryTopic.PublisherProperty, Encoding.UTF8.GetBytes(e.ClientId).AsMemory()));
        if (_pipeline is null || string.IsNullOrEmpty(message.Topic))
        {
            return;
        }

        if (!_accepting)
        {
            // Stopping: this PUBLISH is neither taken nor acknowledged; the connection's reading waits here until the
            // broker closes it, and the device sends the message again to the next run.
            e.ProcessPublish = false;
            await _closed.Task.WaitAsync(e.CancellationToken);
            throw new OperationCanceledException("the broker is stopping");
        }

        var acceptance = await _pipeline.AcceptAsync(message.Topic, e.ClientId, message.Payload, e.CancellationToken);
        if (packetId != 0 && message.QualityOfServiceLevel > MqttQualityOfServiceLevel.AtMostOnce)
        {
            _acknowledgements.GetOrAdd(e.ClientId, static _ => new DeviceAcknowledgements()).Hold(packetId, acceptance);
        }
    }

    private async Task OnOutboundPacketAsync(InterceptingPacketEventArgs e)
    {
        switch (e.Packet)
        {
            case MqttPublishPacket { QualityOfServiceLevel: > MqttQualityOfServiceLevel.AtMostOnce } when _windows.TryGetValue(e.ClientId, out var window):
                await window.EnterAsync(e.CancellationToken);
                break;
            case MqttPubAckPacket ack when TryTakeHeld(e.ClientId, ack.PacketIdentifier, out var held):
                await WaitCommittedAsync(held, e.CancellationToken);
                if (DeviceAcknowledgements.ReasonFor(held) is { } refused)
                {
                    ack.ReasonCode = refused.Code;
                    ack.ReasonString = refused.Text;
                }
                else if (ack.ReasonCode == MqttPubAckReasonCode.NoMatchingSubscribers)
                {
                    // Ingestion consumed it; "no matching subscribers" would tell the device nobody did.
                    ack.ReasonCode = MqttPubAckReasonCode.Success;
                }

                break;
            case MqttPubRecPacket rec when TryTakeHeld(e.ClientId, rec.PacketIdentifier, out var held):
                await WaitCommittedAsync(held, e.CancellationToken);
                if (DeviceAcknowledgements.ReasonFor(held) is { } refusedQos2)
                {
                    rec.ReasonCode = (MqttPubRecReasonCode)(int)refusedQos2.Code;
                    rec.ReasonString = refusedQos2.Text;
                }
                else if (rec.ReasonCode == MqttPubRecReasonCode.NoMatchingSubscribers)
                {
                    rec.ReasonCode = MqttPubRecReasonCode.Success;
                }

                break;
        }
    }

    private bool TryTakeHeld(string clientId, ushort packetId, out Acceptance held)
    {
        held = default;
        return _acknowledgements.TryGetValue(clientId, out var device) && device.TryTake(packetId, out held);
    }

    private async Task WaitCommittedAsync(Acceptance held, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _held);
        try
        {
            await _pipeline!.WaitSettledAsync(held.Ticket, cancellationToken);
            _telemetryMetrics?.MessageAcknowledged();
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_pipeline is null || _server is null)
        {
            return;
        }

        try
        {
            await _pipeline.DrainAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The end a stop must allow for, not an error of the stop: what is not committed stays unacknowledged.
            Log.BrokerDrainCut(_logger, _pipeline.Pending);
            return;
        }

        // The acknowledgements of what was committed leave through each connection's send queue; give them a moment.
        var started = _time.GetTimestamp();
        while (Interlocked.Read(ref _held) > 0 && _time.GetElapsedTime(started) < AcknowledgementFlushLimit && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), _time, CancellationToken.None);
        }

        Log.BrokerDrained(_logger, Interlocked.Read(ref _held));
    }

    private Task OnInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        switch (e.Packet)
        {
            case MqttPublishPacket { QualityOfServiceLevel: > MqttQualityOfServiceLevel.AtMostOnce } publish when _pipeline is not null:
                // The publish interceptor that follows for this connection (packets are handled one at a time) needs the
                // packet identifier to hold the matching acknowledgement; the application message does not carry it.
                _acknowledgements.GetOrAdd(e.ClientId, static _ => new DeviceAcknowledgements()).SetIncoming(publish.PacketIdentifier);
                break;
            case MqttPubAckPacket or MqttPubCompPacket when _windows.TryGetValue(e.ClientId, out var window):
                window.Release();
                break;
        }

        return Task.CompletedTask;
    }
}
