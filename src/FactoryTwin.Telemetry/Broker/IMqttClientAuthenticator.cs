namespace FactoryTwin.Telemetry.Broker;

/// <summary>
/// Decides who may connect to the embedded broker and what they may do. The host registers one (its device credential
/// store) when <see cref="TelemetryOptions.RequireDeviceAuthentication"/> is on; the broker asks it once per connection.
/// </summary>
public interface IMqttClientAuthenticator
{
    /// <summary>Checks a connecting client's credentials.</summary>
    /// <param name="clientId">The MQTT client id; a device's must equal its user name.</param>
    /// <param name="userName">The user name sent, or <see langword="null"/>.</param>
    /// <param name="password">The password sent, or <see langword="null"/>. Never logged.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What the client may do, or <see langword="null"/> to refuse the connection.</returns>
    ValueTask<MqttClientGrant?> AuthenticateAsync(string clientId, string? userName, string? password, CancellationToken cancellationToken = default);
}
