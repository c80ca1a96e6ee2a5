using System.Net;
using System.Net.Sockets;
using FactoryTwin.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Checks, before anything starts, that the ports the server is about to listen on are free: HTTPS, the embedded
/// broker's MQTT and MQTT over TLS, and the Orleans silo and gateway. A port held by another program (another
/// FactoryTwin, say) then fails the start with one clear line naming the port and its setting, instead of a start that
/// gets halfway and stops with the errors of everything it had begun.
/// </summary>
internal static class PortCheck
{
    /// <summary>Finds the configured ports that another program holds now.</summary>
    /// <param name="services">The built application's services (for the options).</param>
    /// <returns>Each port in use with its setting; empty when all are free.</returns>
    public static IReadOnlyList<(int Port, string Setting)> InUse(IServiceProvider services)
    {
        var server = services.GetRequiredService<IOptions<ServerOptions>>().Value;
        var telemetry = services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        var ports = new List<(IPAddress Address, int Port, string Setting)>();
        if (server.Port != 0 && Address(server.Host) is { } https)
        {
            ports.Add((https, server.Port, "Server:Port"));
        }

        if (telemetry.Broker == TelemetryBrokerMode.Embedded && Address(telemetry.Host) is { } broker)
        {
            ports.Add((broker, telemetry.Port, "Telemetry:Port"));
            if (telemetry.TlsPort != 0)
            {
                ports.Add((broker, telemetry.TlsPort, "Telemetry:TlsPort"));
            }
        }

        // Localhost clustering listens on loopback; a cluster node on its host address (any address is the safe probe).
        var silo = string.Equals(server.Orleans.Clustering, "Localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Any;
        ports.Add((silo, server.Orleans.SiloPort, "Server:Orleans:SiloPort"));
        ports.Add((silo, server.Orleans.GatewayPort, "Server:Orleans:GatewayPort"));
        return [.. ports.Where(p => Taken(p.Address, p.Port)).Select(p => (p.Port, p.Setting))];
    }

    /// <summary>The error for ports in use: which, and what to do.</summary>
    /// <param name="taken">The ports in use (at least one).</param>
    /// <returns>The message.</returns>
    public static string Describe(IReadOnlyList<(int Port, string Setting)> taken) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{(taken.Count == 1 ? "Port" : "Ports")} {string.Join(", ", taken.Select(t => $"{t.Port} ({t.Setting})"))} {(taken.Count == 1 ? "is" : "are")} already in use. "
            + $"Stop the program that uses {(taken.Count == 1 ? "it" : "them")} (another FactoryTwin?), or choose another port with {string.Join(" and ", taken.Select(t => $"--{t.Setting}=…"))}.");

    private static IPAddress? Address(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : host is "*" or "0.0.0.0" ? IPAddress.Any
        : IPAddress.TryParse(host, out var address) ? address
        : null; // a name: the component resolves and reports it

    private static bool Taken(IPAddress address, int port)
    {
        try
        {
            using var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(address, port));
            listener.Listen();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not ours to judge (an address this host does not have): the component reports it
        }
    }
}
