using System.Net.Sockets;
using System.Text;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>
/// An MQTT client written byte by byte (MQTT 3.1.1 and 5.0, sections 3.1–3.4), so a test can send what a well-behaved
/// client library refuses to send: topics with wildcards or NUL characters. It knows nothing of FactoryTwin.
/// </summary>
internal sealed class RawMqttClient : IAsyncDisposable
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(15);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly bool _v5;

    private RawMqttClient(TcpClient tcp, bool v5)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _v5 = v5;
    }

    /// <summary>Connects and sends CONNECT (clean session, keep-alive 60 s).</summary>
    /// <returns>The client and the CONNACK return (3.1.1) or reason (5.0) code.</returns>
    public static async Task<(RawMqttClient Client, byte ConnectCode)> ConnectAsync(int port, string clientId, bool v5, string? userName = null, string? password = null)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        var client = new RawMqttClient(tcp, v5);
        var body = new List<byte>();
        AddString(body, "MQTT"u8);
        body.Add(v5 ? (byte)5 : (byte)4);
        var flags = (byte)0x02;
        flags |= userName is null ? (byte)0 : (byte)0x80;
        flags |= password is null ? (byte)0 : (byte)0x40;
        body.Add(flags);
        body.AddRange([0, 60]);
        if (v5)
        {
            body.Add(0); // no properties
        }

        AddString(body, Encoding.UTF8.GetBytes(clientId));
        if (userName is not null)
        {
            AddString(body, Encoding.UTF8.GetBytes(userName));
        }

        if (password is not null)
        {
            AddString(body, Encoding.UTF8.GetBytes(password));
        }

        await client.SendAsync(0x10, body);
        var connack = await client.ReadPacketAsync();
        Assert.NotNull(connack);
        Assert.Equal(0x20, connack.Value.Header & 0xF0);
        return (client, connack.Value.Body[1]);
    }

    /// <summary>Sends a QoS 1 PUBLISH; the topic bytes are sent exactly as given.</summary>
    public Task PublishAsync(ReadOnlySpan<byte> topic, ushort packetId, ReadOnlySpan<byte> payload)
    {
        var body = new List<byte>();
        AddString(body, topic);
        body.Add((byte)(packetId >> 8));
        body.Add((byte)packetId);
        if (_v5)
        {
            body.Add(0);
        }

        body.AddRange(payload.ToArray());
        return SendAsync(0x32, body);
    }

    /// <summary>Reads the next packet, or <see langword="null"/> when the server closed the connection.</summary>
    public async Task<(byte Header, byte[] Body)?> ReadPacketAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(ReadLimit);
        var one = new byte[1];
        try
        {
            if (await _stream.ReadAsync(one, cts.Token) == 0)
            {
                return null;
            }

            var header = one[0];
            int length = 0, shift = 0;
            do
            {
                if (await _stream.ReadAsync(one, cts.Token) == 0)
                {
                    return null;
                }

                length |= (one[0] & 0x7F) << shift;
                shift += 7;
            }
            while ((one[0] & 0x80) != 0);

            var body = new byte[length];
            await _stream.ReadExactlyAsync(body, cts.Token);
            return (header, body);
        }
        catch (IOException)
        {
            // Reset by the server, or closed in the middle of a packet (EndOfStreamException).
            return null;
        }
    }

    /// <summary>Reads packets until the connection closes; returns what arrived before that.</summary>
    public async Task<List<(byte Header, byte[] Body)>> ReadUntilClosedAsync()
    {
        var packets = new List<(byte Header, byte[] Body)>();
        while (await ReadPacketAsync() is { } packet)
        {
            packets.Add(packet);
        }

        return packets;
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void AddString(List<byte> to, ReadOnlySpan<byte> value)
    {
        to.Add((byte)(value.Length >> 8));
        to.Add((byte)value.Length);
        to.AddRange(value.ToArray());
    }

    private async Task SendAsync(byte header, List<byte> body)
    {
        var packet = new List<byte> { header };
        var length = body.Count;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            packet.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);

        packet.AddRange(body);
        await _stream.WriteAsync(packet.ToArray(), TestContext.Current.CancellationToken);
    }
}
