using System.Security.Cryptography;
using System.Text;
using FactoryTwin.Model.Plants;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.Broker;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The embedded broker's authenticator: a device connects with client id = user name = its id and the password issued by
/// an administrator, and may publish only under the lines stored with its credentials. FactoryTwin's own clients in this
/// process (the ingestion client, and virtual-plant gateways) use <see cref="InternalBrokerCredentials"/>.
/// </summary>
internal sealed class DeviceAuthenticator : IMqttClientAuthenticator
{
    private readonly ISecurityStore _store;
    private readonly InternalBrokerCredentials _internal;
    private readonly PlantModel _plant;
    private readonly string _ingestClientId;

    public DeviceAuthenticator(ISecurityStore store, InternalBrokerCredentials internalCredentials, PlantModel plant, IOptions<TelemetryOptions> telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        _store = store;
        _internal = internalCredentials;
        _plant = plant;
        _ingestClientId = telemetry.Value.ClientId;
    }

    public ValueTask<MqttClientGrant?> AuthenticateAsync(string clientId, string? userName, string? password, CancellationToken cancellationToken = default)
    {
        if (userName is null || password is null || !string.Equals(userName, clientId, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<MqttClientGrant?>(null);
        }

        if (IsInternal(password))
        {
            if (string.Equals(clientId, _ingestClientId, StringComparison.Ordinal))
            {
                return ValueTask.FromResult<MqttClientGrant?>(MqttClientGrant.Service);
            }

            foreach (var gateway in _plant.Gateways)
            {
                if (string.Equals(gateway.Id.Value, clientId, StringComparison.Ordinal))
                {
                    return ValueTask.FromResult<MqttClientGrant?>(MqttClientGrant.ForLines(gateway.Lines.Select(l => l.Value)));
                }
            }

            return ValueTask.FromResult<MqttClientGrant?>(null);
        }

        var device = _store.VerifyDevice(clientId, password);
        return ValueTask.FromResult(device is null ? null : MqttClientGrant.ForLines(device.Lines));
    }

    private bool IsInternal(string password) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(_internal.Password));
}
