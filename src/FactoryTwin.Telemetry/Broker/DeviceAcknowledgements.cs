using FactoryTwin.Telemetry.Ingestion;
using FactoryTwin.Telemetry.Validation;
using MQTTnet.Protocol;

namespace FactoryTwin.Telemetry.Broker;

/// <summary>
/// One device's (client id's) acknowledgements held by the embedded broker: for each QoS 1/2 PUBLISH taken by the
/// ingestion pipeline, its packet identifier and ticket, until the PUBACK/PUBREC for it leaves. Packet identifiers are
/// unique among a client's unacknowledged PUBLISHes [MQTT-2.2.1-3]; a resend with the same identifier replaces the entry.
/// </summary>
internal sealed class DeviceAcknowledgements
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, Acceptance> _held = [];
    private ushort _incoming;

    /// <summary>Remembers the packet identifier of the PUBLISH being read (the inbound interceptor runs just before the publish interceptor).</summary>
    /// <param name="packetId">The identifier.</param>
    public void SetIncoming(ushort packetId) => _incoming = packetId;

    /// <summary>Takes the identifier remembered by <see cref="SetIncoming"/>; 0 when there is none.</summary>
    /// <returns>The identifier.</returns>
    public ushort TakeIncoming()
    {
        var id = _incoming;
        _incoming = 0;
        return id;
    }

    /// <summary>Holds the acknowledgement of a PUBLISH until its ticket is settled.</summary>
    /// <param name="packetId">The PUBLISH's packet identifier.</param>
    /// <param name="acceptance">What the pipeline made of it.</param>
    public void Hold(ushort packetId, Acceptance acceptance)
    {
        lock (_gate)
        {
            _held[packetId] = acceptance;
        }
    }

    /// <summary>Takes the held entry of an acknowledgement about to leave.</summary>
    /// <param name="packetId">The acknowledgement's packet identifier.</param>
    /// <param name="acceptance">The entry.</param>
    /// <returns>Whether one was held.</returns>
    public bool TryTake(ushort packetId, out Acceptance acceptance)
    {
        lock (_gate)
        {
            return _held.Remove(packetId, out acceptance);
        }
    }

    /// <summary>
    /// The MQTT 5 reason code and text that tell a device its message was refused as a whole, or <see langword="null"/> when
    /// it was stored (a duplicate of a stored message counts as stored). MQTT 3.1.1 acknowledgements carry no reason.
    /// </summary>
    /// <param name="acceptance">What the pipeline made of the message.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    public static (MqttPubAckReasonCode Code, string Text)? ReasonFor(Acceptance acceptance)
    {
        if (acceptance.Outcome != MessageOutcome.Rejected || acceptance.Reason is not { } reason || reason == RejectionReason.Duplicate)
        {
            return null;
        }

        var code = reason switch
        {
            RejectionReason.Unauthorized => MqttPubAckReasonCode.NotAuthorized,
            RejectionReason.Malformed or RejectionReason.TooLarge => MqttPubAckReasonCode.PayloadFormatInvalid,
            _ => MqttPubAckReasonCode.ImplementationSpecificError,
        };
        return (code, "rejected: " + RejectionReasons.Name(reason));
    }
}
