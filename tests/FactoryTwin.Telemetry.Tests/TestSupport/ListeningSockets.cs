using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>
/// The TCP sockets in LISTEN state, read from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> as <c>ss -ltn</c> reads them
/// (Linux only).
/// </summary>
internal static class ListeningSockets
{
    private const string Listen = "0A";

    /// <summary>Gets the listening endpoints on the given ports, as <c>address:port</c> (IPv6 in brackets), sorted.</summary>
    public static IReadOnlyList<string> On(params int[] ports)
    {
        var found = new List<string>();
        foreach (var (file, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || fields[3] != Listen)
                {
                    continue;
                }

                var local = fields[1].Split(':');
                var port = int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (!ports.Contains(port))
                {
                    continue;
                }

                var address = Address(local[0]);
                found.Add(v6 ? $"[{address}]:{port.ToString(CultureInfo.InvariantCulture)}" : $"{address}:{port.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    // The kernel prints the address as 32-bit words in host byte order.
    private static IPAddress Address(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            var value = uint.Parse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word * 4), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(word * 4), value);
            }
        }

        return new IPAddress(bytes);
    }
}
