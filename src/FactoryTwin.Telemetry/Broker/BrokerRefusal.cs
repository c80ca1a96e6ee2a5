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
}
