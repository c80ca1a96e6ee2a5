using System.Net;
using System.Net.Sockets;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

internal static class FreePort
{
    /// <summary>Finds a free loopback port (the OS picks one; it is released at once, so a race is possible but rare).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
