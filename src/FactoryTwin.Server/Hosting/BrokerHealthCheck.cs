using System.Net.Sockets;
using FactoryTwin.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Hosting;

/// <summary>Ready when the MQTT broker (embedded or external) accepts a TCP connection.</summary>
internal sealed class BrokerHealthCheck : IHealthCheck
{
    private readonly TelemetryOptions _options;

    public BrokerHealthCheck(IOptions<TelemetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(_options.Host, _options.Port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy($"The MQTT broker at {_options.Host}:{_options.Port} does not accept connections.", ex);
        }
    }
}
