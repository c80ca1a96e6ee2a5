using System.Net;

namespace FactoryTwin.Server.Hosting;

/// <summary>The address a client in this process uses to reach the embedded broker, given the address it listens on.</summary>
internal static class LocalBrokerAddress
{
    /// <summary>
    /// Maps a listening address to one a client can connect to: the unspecified addresses (<c>0.0.0.0</c>, <c>::</c>),
    /// which a broker listens on to accept every interface (as in the container image), are not valid targets for
    /// MQTTnet's client, so the loopback address of the same family stands for them. Any other host is returned as is.
    /// </summary>
    /// <param name="listenHost">The broker's listening address (<c>Telemetry:Host</c>).</param>
    /// <returns>The address to connect to.</returns>
    public static string For(string listenHost)
    {
        ArgumentNullException.ThrowIfNull(listenHost);
        if (IPAddress.TryParse(listenHost, out var address))
        {
            if (address.Equals(IPAddress.Any))
            {
                return IPAddress.Loopback.ToString();
            }

            if (address.Equals(IPAddress.IPv6Any))
            {
                return IPAddress.IPv6Loopback.ToString();
            }
        }

        return listenHost;
    }
}
