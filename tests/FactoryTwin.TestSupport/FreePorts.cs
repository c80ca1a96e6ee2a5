using System.Net;
using System.Net.Sockets;

namespace FactoryTwin.TestSupport;

/// <summary>Finds free TCP ports on the loopback interface.</summary>
/// <remarks>The operating system picks each port and it is released at once, so another process may take it before
/// the test binds it; the race is possible but rare.</remarks>
public static class FreePorts
{
    /// <summary>Gets one free loopback port.</summary>
    public static int Next() => Take(1)[0];

    /// <summary>Gets <paramref name="count"/> distinct free loopback ports (all are held open together while they are picked).</summary>
    public static int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }
}
