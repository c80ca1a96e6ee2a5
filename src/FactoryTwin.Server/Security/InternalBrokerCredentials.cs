namespace FactoryTwin.Server.Security;

/// <summary>
/// A password generated at each start for FactoryTwin's own MQTT clients in this process (ingestion, the virtual plant).
/// It lives only in memory and is never logged or stored.
/// </summary>
internal sealed class InternalBrokerCredentials
{
    /// <summary>Gets the password.</summary>
    public string Password { get; } = Secrets.Generate();
}
