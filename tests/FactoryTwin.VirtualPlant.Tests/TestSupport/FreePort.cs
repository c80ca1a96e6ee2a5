using System.Net;
using System.Net.Sockets;

namespace FactoryTwin.VirtualPlant.Tests.TestSupport;

internal static class FreePort
{
    /// <summary>A free loopback port chosen by the OS (released at once; a race is possible but rare).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
