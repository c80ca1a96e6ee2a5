using System.Buffers;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Schema;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// Checks one message against the plant model and turns what is valid into series points and part events. Checks, in
/// order: topic shape, payload size, publisher, line, the publisher's right to the line, asset, payload schema, duplicate
/// sequence number, message timestamp, then each value. A rejected value of a <c>measure</c> message does not reject the
/// others. Every rejection is counted by reason and logged at most once per reason and publisher per interval.
/// </summary>
internal sealed class TelemetryValidator
{
    private readonly PlantCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly TelemetryMetrics _metrics;
    private readonly ILogger _logger;
    private readonly RejectionLog _rejections;
    private readonly TimeSpan _maxSkew;
    private readonly TimeSpan _maxAge;
    private readonly int _maxPayloadBytes;
    private readonly SequenceWindow[] _sequences;
    private readonly DecodedMessage _message = new();
    private readonly Lock _gate = new();
    private readonly SequenceLedgerForwarder? _shared;
    private RejectionReason? _reason;

    /// <summary>Creates a validator.</summary>
    /// <param name="catalog">The plant model's lookups.</param>
    /// <param name="options">The limits.</param>
    /// <param name="time">The plant's clock, that timestamps are checked against.</param>
    /// <param name="metrics">Where rejections are counted.</param>
    /// <param name="logger">Where rejections are logged.</param>
    /// <param name="logTime">The clock of the log's rate limit (wall time, so an emulated plant at 60× does not log 60 times as often); <paramref name="time"/> when <see langword="null"/>.</param>
    /// <param name="shared">The cluster's shared sequence window, when there is one: then accepted numbers go there and gaps are counted from its answers.</param>
    public TelemetryValidator(PlantCatalog catalog, TelemetryOptions options, TimeProvider time, TelemetryMetrics metrics, ILogger logger, TimeProvider? logTime = null, SequenceLedgerForwarder? shared = null)
    {
        _shared = shared is { IsShared: true } ? shared : null;
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _maxSkew = options.MaxClockSkew;
        _maxAge = options.MaxAge;
        _maxPayloadBytes = options.MaxPayloadBytes;
        _rejections = new RejectionLog(logger, logTime ?? time, options.RejectionLogInterval, catalog.GatewayCount);
        var window = (options.DuplicateWindow + 63) / 64 * 64;
        _sequences = new SequenceWindow[catalog.GatewayCount];
        for (var i = 0; i < _sequences.Length; i++)
        {
            _sequences[i] = new SequenceWindow(window);
        }
    }

    /// <summary>Validates one message.</summary>
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="publisher">The publishing gateway's client id, or <see langword="null"/> when the message does not say.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="points">Receives the accepted series points.</param>
    /// <param name="parts">Receives the accepted part events.</param>
    /// <returns>Whether all, some or none of the message was accepted.</returns>
    public MessageOutcome Validate(string topic, string? publisher, in ReadOnlySequence<byte> payload, List<SeriesPoint> points, List<PartEvent> parts) =>
        Validate(topic, publisher, payload, points, parts, out _);

    /// <summary>Validates one message and says why it was rejected as a whole.</summary>
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="publisher">The publishing gateway's client id, or <see langword="null"/> when the message does not say.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="points">Receives the accepted series points.</param>
    /// <param name="parts">Receives the accepted part events.</param>
    /// <param name="reason">The message-level rejection reason, or <see langword="null"/> when the message was not rejected as a whole for one reason.</param>
    /// <returns>Whether all, some or none of the message was accepted.</returns>
    public MessageOutcome Validate(string topic, string? publisher, in ReadOnlySequence<byte> payload, List<SeriesPoint> points, List<PartEvent> parts, out RejectionReason? reason)
    {
        ArgumentNullException.ThrowIfNull(topic);
        lock (_gate)
        {
            _reason = null;
            var outcome = ValidateCore(topic, publisher, payload, points, parts);
            reason = _reason;
            return outcome;
        }
    }

    /// <summary>
    /// Counts and logs a message that could not be validated at all (an unexpected failure while reading it) as
    /// <c>malformed</c>, so that it is settled like any rejected message instead of stalling the stream.
    /// </summary>
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="publisher">The publisher, or <see langword="null"/>.</param>
    /// <param name="exception">What failed.</param>
    public void RejectUnreadable(string topic, string? publisher, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            var gateway = publisher is not null && _catalog.TryGetGateway(publisher, out var g) ? g.Index : -1;
            Reject(RejectionReason.Malformed, gateway, publisher ?? "(none)", topic ?? "(none)", "the message could not be read: " + exception.GetType().Name);
        }
    }

    private MessageOutcome ValidateCore(string topic, string? publisher, in ReadOnlySequence<byte> payload, List<SeriesPoint> points, List<PartEvent> parts)
    {
        var who = publisher ?? "(none)";
        if (!TelemetryTopic.TryParse(topic, out var t))
        {
            return Reject(RejectionReason.Malformed, -1, who, topic, "the topic is not factorytwin/v1/{site}/{line}/{asset}/{state|count|measure|part}");
        }

        if (payload.Length > _maxPayloadBytes)
        {
            return Reject(RejectionReason.TooLarge, -1, who, topic, "the payload is larger than Telemetry:MaxPayloadBytes");
        }

        if (publisher is null || !_catalog.TryGetGateway(publisher, out var gateway))
        {
            return Reject(RejectionReason.Unauthorized, -1, who, topic, "the publisher is not a gateway of the plant model");
        }

        var span = topic.AsSpan();
        if (!span[t.Site].SequenceEqual(_catalog.Site) || !_catalog.TryGetLine(span[t.Line], out var line))
        {
            return Reject(RejectionReason.UnknownAsset, gateway.Index, who, topic, "the site or line is not in the plant model");
        }

        if (!gateway.AllowedLines[line])
        {
            return Reject(RejectionReason.Unauthorized, gateway.Index, who, topic, "the gateway may not publish for this line");
        }

        if (!_catalog.TryGetAsset(span[t.Asset], out var asset) || asset.Line != line)
        {
            return Reject(RejectionReason.UnknownAsset, gateway.Index, who, topic, "the asset is not on this line in the plant model");
        }

        var m = _message;
        if (!TelemetryDecoder.TryDecode(payload, t.Kind, _catalog, m, out var error))
        {
            return Reject(RejectionReason.Malformed, gateway.Index, who, topic, error);
        }

        var verdict = _sequences[gateway.Index].Check(m.Seq, m.Timestamp, out var gaps, out var restarted);
        if (verdict == SequenceVerdict.Duplicate)
        {
            return Reject(RejectionReason.Duplicate, gateway.Index, who, topic, "the publisher already sent this seq");
        }

        if (_shared is not null)
        {
            // A node of a cluster sees part of the publisher's numbers: the shared window counts gaps and restarts.
            _shared.Observe(gateway.Id, m.Seq, m.Timestamp);
        }
        else
        {
            if (gaps > 0)
            {
                _metrics.Gaps(gaps);
            }
            else if (verdict == SequenceVerdict.Late)
            {
                _metrics.Late(1);
            }

            if (restarted)
            {
                _metrics.Restart();
                Log.SequenceRestarted(_logger, who, m.Seq);
            }
        }

        var now = _time.GetUtcNow();
        var timeVerdict = CheckTime(m.Timestamp, now);
        if (timeVerdict is { } timeReason)
        {
            return Reject(timeReason, gateway.Index, who, topic, timeReason == RejectionReason.Future ? "'ts' is in the future" : "'ts' is too old");
        }

        switch (t.Kind)
        {
            case MessageKind.State:
                points.Add(new SeriesPoint(asset.State, m.Timestamp, (int)m.State, m.Seq));
                return MessageOutcome.Accepted;
            case MessageKind.Count:
                if (m.Good < 0 || m.Scrap < 0)
                {
                    return Reject(RejectionReason.OutOfRange, gateway.Index, who, topic, "a counter is negative");
                }

                if (m.Good is { } good)
                {
                    points.Add(new SeriesPoint(asset.Good, m.Timestamp, good, m.Seq));
                }

                if (m.Scrap is { } scrap)
                {
                    points.Add(new SeriesPoint(asset.Scrap, m.Timestamp, scrap, m.Seq));
                }

                return MessageOutcome.Accepted;
            case MessageKind.Part:
                if (m.UnknownProduct)
                {
                    return Reject(RejectionReason.UnknownProduct, gateway.Index, who, topic, "the variant or colour is not in the plant model");
                }

                Model.Ids.AssetId? route = null;
                if (m.Route is { } r)
                {
                    if (!_catalog.TryGetAsset(r, out var target))
                    {
                        return Reject(RejectionReason.UnknownAsset, gateway.Index, who, topic, "the route is not an asset of the plant model");
                    }

                    route = target.Id;
                }

                parts.Add(new PartEvent(asset.Id, m.Timestamp, m.PartEvent, m.PartId!, m.Variant!.Value, m.Colour!.Value, m.Seq, m.Cure, route));
                return MessageOutcome.Accepted;
            default:
                return ValidateValues(m, asset, gateway.Index, who, topic, now, points);
        }
    }

    private MessageOutcome ValidateValues(DecodedMessage m, AssetInfo asset, int gateway, string who, string topic, DateTimeOffset now, List<SeriesPoint> points)
    {
        var accepted = 0;
        var values = m.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            RejectionReason? reason = null;
            var sensor = v.Sensor;
            var ts = v.Timestamp ?? m.Timestamp;
            double si = 0;
            if (sensor is null || v.Status == ValueStatus.UnknownSensor || !ReferenceEquals(sensor.Asset, asset))
            {
                reason = RejectionReason.UnknownSensor;
            }
            else if (v.Status == ValueStatus.NotFinite)
            {
                reason = RejectionReason.NotFinite;
            }
            else if (v.Timestamp is { } own && CheckTime(own, now) is { } timeReason)
            {
                reason = timeReason;
            }
            else
            {
                si = SiValue.Round((v.Value * sensor.Scale) + sensor.Offset);
                if (!(si >= sensor.Min && si <= sensor.Max))
                {
                    reason = RejectionReason.OutOfRange;
                }
            }

            if (reason is { } r)
            {
                _metrics.Reject(r);
                _rejections.Report(r, gateway, who, topic, ValueDetail(r), sensor?.Id);
                continue;
            }

            points.Add(new SeriesPoint(sensor!.Series, ts, si, m.Seq));
            accepted++;
        }

        return accepted == values.Count ? MessageOutcome.Accepted : accepted == 0 ? MessageOutcome.Rejected : MessageOutcome.PartlyAccepted;
    }

    private RejectionReason? CheckTime(DateTimeOffset ts, DateTimeOffset now) =>
        ts > now + _maxSkew ? RejectionReason.Future : ts < now - _maxAge ? RejectionReason.TooOld : null;

    private static string ValueDetail(RejectionReason reason) => reason switch
    {
        RejectionReason.UnknownSensor => "a value names a sensor that is not on this asset in the plant model",
        RejectionReason.NotFinite => "a value is NaN or infinite",
        RejectionReason.Future => "a value's 'ts' is in the future",
        RejectionReason.TooOld => "a value's 'ts' is too old",
        _ => "a value is outside the sensor's range",
    };

    private MessageOutcome Reject(RejectionReason reason, int gateway, string who, string topic, string detail)
    {
        _reason = reason;
        _metrics.Reject(reason);
        _rejections.Report(reason, gateway, who, topic, detail);
        return MessageOutcome.Rejected;
    }
}
