namespace FactoryTwin.Telemetry.Broker;

/// <summary>Why the embedded broker refused a client's request; each is counted on <c>factorytwin.telemetry.broker.refused</c>.</summary>
public enum BrokerRefusal
{
    /// <summary>The connection's credentials were missing or wrong (<c>bad-credentials</c>).</summary>
    BadCredentials,

    /// <summary>A publish outside the client's lines' topics (<c>publish-not-allowed</c>); nothing of it is delivered.</summary>
    PublishNotAllowed,

    /// <summary>A subscription to <c>#</c> or outside the client's lines' topics (<c>subscribe-not-allowed</c>).</summary>
    SubscribeNotAllowed,

    /// <summary>
    /// A publish whose topic name MQTT forbids: a wildcard (<c>+</c>, <c>#</c>) [MQTT-3.3.2-2] or U+0000 [MQTT-1.5.3-2]
    /// (<c>invalid-topic</c>); nothing of it is delivered.
    /// </summary>
    InvalidTopic,
}
