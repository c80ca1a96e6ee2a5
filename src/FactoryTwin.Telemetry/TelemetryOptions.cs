using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FactoryTwin.Telemetry;

/// <summary>
/// Configures telemetry ingestion: which broker, how the ingesting MQTT client connects, how much it buffers,
/// and the time limits of validation. Bound from the <c>Telemetry</c> configuration section by hosts.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The default MQTT port.</summary>
    public const int DefaultPort = 1883;

    /// <summary>The default client id of the ingesting MQTT client.</summary>
    public const string DefaultClientId = "factorytwin-ingest";

    /// <summary>The default number of messages received but not yet acknowledged (MQTT 5 Receive Maximum).</summary>
    public const int DefaultReceiveMaximum = 2048;

    /// <summary>The default number of points in one store transaction.</summary>
    public const int DefaultMaxBatchPoints = 20_000;

    /// <summary>The default largest payload accepted, in bytes.</summary>
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    /// <summary>The default number of recent sequence numbers remembered per publisher to find duplicates.</summary>
    public const int DefaultDuplicateWindow = 4096;

    /// <summary>The default number of messages the embedded broker queues per client before it drops the oldest.</summary>
    public const int DefaultEmbeddedMaxPendingMessagesPerClient = 10_000_000;

    /// <summary>The default bytes that messages accepted and not yet committed may hold.</summary>
    public const long DefaultMaxPendingBytes = 64L * 1024 * 1024;

    /// <summary>Gets or sets which broker to use.</summary>
    /// <value>The default value is <see cref="TelemetryBrokerMode.Embedded"/>.</value>
    public TelemetryBrokerMode Broker { get; set; } = TelemetryBrokerMode.Embedded;

    /// <summary>Gets or sets the broker host name or address; the embedded broker binds to it and must be a loopback or any address.</summary>
    /// <value>The default value is <c>127.0.0.1</c>.</value>
    [Required(ErrorMessage = "Telemetry:Host must be set.")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the broker's TCP port (1–65535); the embedded broker listens on it.</summary>
    /// <value>The default value is <see cref="DefaultPort"/>.</value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Gets or sets the MQTT client id of the ingesting client; it names its persistent session, so each node needs its own.</summary>
    /// <value>The default value is <see cref="DefaultClientId"/>.</value>
    [Required(ErrorMessage = "Telemetry:ClientId must be set.")]
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>Gets or sets the user name the ingesting client authenticates with, or <see langword="null"/> for none.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password the ingesting client authenticates with, or <see langword="null"/> for none. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Gets or sets the MQTT 5 shared-subscription group (<c>$share/{group}/…</c>) so that several nodes split one stream,
    /// or <see langword="null"/> for a plain subscription. Only with <see cref="TelemetryBrokerMode.External"/>: the embedded
    /// MQTTnet broker does not support shared subscriptions.
    /// </summary>
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>Gets or sets how long the broker keeps the ingesting client's session (and queues its messages) while it is away.</summary>
    /// <value>The default value is 1 day.</value>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the MQTT keep-alive period of the ingesting client.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the first delay before reconnecting after a lost connection; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    /// <value>The default value is 100 milliseconds.</value>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest delay between reconnection attempts.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many messages the ingesting client of an external broker may have received and not yet
    /// acknowledged (1–65535). It is sent to the broker as the MQTT 5 Receive Maximum, so the broker holds the rest.
    /// </summary>
    /// <value>The default value is <see cref="DefaultReceiveMaximum"/>.</value>
    public int ReceiveMaximum { get; set; } = DefaultReceiveMaximum;

    /// <summary>
    /// Gets or sets the memory, in bytes, that messages received and not yet committed may hold (each is charged
    /// 256 bytes plus 64 per point). When it is used up, the broker stops reading from devices until commits free room:
    /// TCP backpressure reaches the devices instead of memory growing with the offered load.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxPendingBytes"/> (64 MiB).</value>
    public long MaxPendingBytes { get; set; } = DefaultMaxPendingBytes;

    /// <summary>
    /// Gets or sets how long messages may be pending without any commit before ingestion counts as stuck; the server's
    /// readiness check then reports Unhealthy and names the stage that is stuck.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long, at low load, the writer lets messages gather after a small commit before the next one, so
    /// that a trickle of messages (a plant off shift, an emulator at high speed) does not pay one historian transaction
    /// each. A device then waits at most this much longer for its acknowledgement. Under load (a commit of at least
    /// <see cref="LingerBelowMessages"/> messages) there is no wait: the batch already grows while a commit runs. Zero
    /// turns the wait off.
    /// </summary>
    /// <value>The default value is zero (off): a device that waits for each acknowledgement before it sends the next message
    /// would send at most one message per commit and linger.</value>
    public TimeSpan CommitLinger { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the size of a commit, in messages, below which the writer waits <see cref="CommitLinger"/> before the next.</summary>
    /// <value>The default value is 64.</value>
    public int LingerBelowMessages { get; set; } = 64;

    /// <summary>Gets or sets the most points committed in one store transaction; a batch also ends when no message is waiting.</summary>
    /// <value>The default value is <see cref="DefaultMaxBatchPoints"/>.</value>
    public int MaxBatchPoints { get; set; } = DefaultMaxBatchPoints;

    /// <summary>Gets or sets the largest payload accepted, in bytes; a larger one is rejected as <c>too-large</c>.</summary>
    /// <value>The default value is <see cref="DefaultMaxPayloadBytes"/>.</value>
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>Gets or sets how far in the future (by this node's clock) a timestamp may be before it is rejected as <c>future</c>.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how old a timestamp may be before it is rejected as <c>too-old</c>.</summary>
    /// <value>The default value is 1 day, long enough for a broker to hold a day of an outage.</value>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how many recent sequence numbers are remembered per publisher to find duplicates (64–1,048,576).</summary>
    /// <value>The default value is <see cref="DefaultDuplicateWindow"/>.</value>
    public int DuplicateWindow { get; set; } = DefaultDuplicateWindow;

    /// <summary>Gets or sets how often at most a rejection is logged for one reason and publisher.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan RejectionLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how many messages the embedded broker queues per client before it drops the oldest (MQTTnet's own default is 250).</summary>
    /// <value>The default value is <see cref="DefaultEmbeddedMaxPendingMessagesPerClient"/>.</value>
    public int EmbeddedMaxPendingMessagesPerClient { get; set; } = DefaultEmbeddedMaxPendingMessagesPerClient;

    /// <summary>
    /// Gets or sets the TCP port on which the embedded broker also listens with TLS (MQTT over TLS is usually 8883), or 0 for
    /// no TLS listener. Needs <see cref="TlsCertificate"/>.
    /// </summary>
    /// <value>The default value is 0 (no TLS listener).</value>
    public int TlsPort { get; set; }

    /// <summary>Gets or sets the server certificate (with its private key) of the embedded broker's TLS listener; set by the host, not bound from configuration.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>
    /// Gets or sets whether the embedded broker requires every client to authenticate through the host's
    /// <see cref="Broker.IMqttClientAuthenticator"/> and limits each device's publishes and subscriptions to its lines' topics.
    /// Off, anyone may connect (for tests and closed networks); subscribing to <c>#</c> is refused either way.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequireDeviceAuthentication { get; set; }

    /// <summary>
    /// Checks the rules that join several options, and the numeric ranges: the options validation generator's own copy of
    /// <see cref="RangeAttribute"/> ignores <see cref="ValidationAttribute.ErrorMessage"/> (dotnet/runtime#123137), and
    /// every message must name the configuration key. <see cref="RequiredAttribute"/> and <see cref="EnumDataTypeAttribute"/>
    /// keep their messages and stay annotations.
    /// </summary>
    /// <param name="validationContext">The context.</param>
    /// <returns>One result per broken rule, naming the configuration key.</returns>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (Port is < 1 or > 65535)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:Port must be 1–65535, not {Port}."));
        }

        if (TlsPort is < 0 or > 65535)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:TlsPort must be 0 (off) or 1–65535, not {TlsPort}."));
        }
        else if (TlsPort != 0 && TlsPort == Port)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:TlsPort must differ from Telemetry:Port ({Port})."));
        }

        if (!string.IsNullOrWhiteSpace(Host) && Broker == TelemetryBrokerMode.Embedded && !IPAddress.TryParse(Host, out _))
        {
            yield return new ValidationResult($"Telemetry:Host must be an IP address for the embedded broker, not '{Host}'.");
        }

        if (SharedSubscriptionGroup is { } group)
        {
            if (Broker == TelemetryBrokerMode.Embedded)
            {
                yield return new ValidationResult(
                    "Telemetry:SharedSubscriptionGroup needs an external broker: the embedded MQTTnet broker does not support shared subscriptions.");
            }

            if (group.Length == 0 || group.AsSpan().IndexOfAny("/+#") >= 0)
            {
                yield return new ValidationResult(
                    $"Telemetry:SharedSubscriptionGroup '{group}' must be non-empty and contain no '/', '+' or '#'.");
            }
        }

        foreach (var (name, value) in new (string, TimeSpan)[]
        {
            (nameof(SessionExpiry), SessionExpiry),
            (nameof(KeepAlive), KeepAlive),
            (nameof(ReconnectMinDelay), ReconnectMinDelay),
            (nameof(MaxClockSkew), MaxClockSkew),
            (nameof(MaxAge), MaxAge),
            (nameof(RejectionLogInterval), RejectionLogInterval),
            (nameof(StallTimeout), StallTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:{name} must be positive, not {value}."));
            }
        }

        if (MaxPendingBytes < 64 * 1024)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:MaxPendingBytes must be at least 65536 (64 KiB), not {MaxPendingBytes}."));
        }

        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            yield return new ValidationResult("Telemetry:ReconnectMaxDelay must not be shorter than ReconnectMinDelay.");
        }

        if (SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            yield return new ValidationResult("Telemetry:SessionExpiry is too long for MQTT (at most 2^32-1 seconds).");
        }

        if (ReceiveMaximum is < 1 or > 65535)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:ReceiveMaximum must be 1–65535, not {ReceiveMaximum}."));
        }

        if (CommitLinger < TimeSpan.Zero || CommitLinger > TimeSpan.FromSeconds(5))
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:CommitLinger must be 0–5 s, not {CommitLinger}."));
        }

        if (LingerBelowMessages < 1)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:LingerBelowMessages must be at least 1, not {LingerBelowMessages}."));
        }

        if (MaxBatchPoints < 1)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:MaxBatchPoints must be positive, not {MaxBatchPoints}."));
        }

        if (MaxPayloadBytes < 64)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:MaxPayloadBytes must be at least 64, not {MaxPayloadBytes}."));
        }

        if (DuplicateWindow is < 64 or > 1 << 20)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Telemetry:DuplicateWindow must be 64–1048576, not {DuplicateWindow}."));
        }

        if (EmbeddedMaxPendingMessagesPerClient < 1)
        {
            yield return new ValidationResult("Telemetry:EmbeddedMaxPendingMessagesPerClient must be positive.");
        }
    }

}
