using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Tests.TestSupport;
using MQTTnet;

namespace FactoryTwin.Server.Tests.Telemetry;

/// <summary>
/// Ingestion of the real server process under what a plant's network can throw at it: undecodable messages from one
/// gateway among valid ones from another, and a flood from two gateways that ends with SIGTERM.
/// </summary>
public sealed partial class IngestionUnderStressTests : IDisposable
{
    private const string PaintTopic = "factorytwin/v1/lakeside/paint/ecoat-oven/measure";
    private const string BodyTopic = "factorytwin/v1/lakeside/body/respot/measure";
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-stress-").FullName;

    [Fact]
    public async Task Serve_UndecodableMessagesAmongValidOnes_ValidStoredEachRejectionCountedNothingLeftPending()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The server process is stopped with kill(1).");
        const int Bad = 5_000;
        const int Good = 2_000;
        var settings = ServeProcess.Settings(("Server__Emulator", "false"), ("Server__DeviceAuthentication", "false"));
        var port = int.Parse(settings["Telemetry__Port"], CultureInfo.InvariantCulture);
        var t0 = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        using var server = await ServeProcess.StartAsync(_dir, settings);
        await using var body = await RawGateway.ConnectAsync(port, "gw-body");
        await using var paint = await RawGateway.ConnectAsync(port, "gw-paint");
        var bad = Enumerable.Range(1, Bad).Select(seq => ((long)seq, Undecodable(seq, t0))).ToArray();
        var good = Enumerable.Range(1, Good).Select(seq => ((long)seq, RawGateway.Measure(seq, t0.AddMilliseconds(seq), "ecoat-oven-z1-air", 180))).ToArray();

        // Both at once: the valid stream must not wait behind the bad one.
        var badStream = body.PublishAsync(BodyTopic, bad, lanes: 64);
        var goodStream = paint.PublishAsync(PaintTopic, good, lanes: 16);
        Assert.True(await goodStream);
        Assert.True(await badStream);

        Assert.Equal(Good, paint.Acknowledged.Count);
        Assert.Empty(paint.Refused);

        // Every undecodable message is settled: acknowledged with MQTT 5's "payload format invalid", never left hanging.
        Assert.Equal(Bad, body.Refused.Count);
        Assert.All(body.Refused.Values, code => Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, code));
        var latencies = paint.Latencies.Order().ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"valid messages among the bad ones: publish→PUBACK p50 {latencies[latencies.Length / 2]:F1} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:F1} ms"));

        // Counted by reason, and nothing is left in flight once the load stops.
        using var client = server.CreateClient(_dir);
        var metrics = await client.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        for (var i = 0; i < 100 && (Metric(metrics, "factorytwin_telemetry_rejected_total", "reason=\"malformed\"") != Bad || Metric(metrics, "factorytwin_telemetry_in_flight", "") != 0); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, TestContext.Current.CancellationToken);
            metrics = await client.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        }

        Assert.Equal(Bad, Metric(metrics, "factorytwin_telemetry_rejected_total", "reason=\"malformed\""));
        Assert.Equal(0, Metric(metrics, "factorytwin_telemetry_in_flight", ""));
        using (var ready = await client.GetAsync("health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        }

        server.Terminate();
        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var stored = await StoredSeqsAsync("ecoat-oven/ecoat-oven-z1-air", t0);
        Assert.Equal(Enumerable.Range(1, Good).Select(i => (long)i), stored.Order());
    }

    [Fact]
    public async Task Serve_FloodFromTwoGatewaysEndedBySigterm_MemoryStaysBoundedAndNothingAcknowledgedIsLost()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The server process is stopped with kill(1) and its memory read from /proc.");
        const long Bound = 600L * 1024 * 1024;
        var flood = TimeSpan.FromSeconds(60);
        var settings = ServeProcess.Settings(
            ("Server__Emulator", "false"),
            ("Server__DeviceAuthentication", "false"),
            ("Telemetry__MaxPendingBytes", (32 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)));
        var port = int.Parse(settings["Telemetry__Port"], CultureInfo.InvariantCulture);
        var t0 = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        using var server = await ServeProcess.StartAsync(_dir, settings);
        await using var paint = await RawGateway.ConnectAsync(port, "gw-paint");
        await using var body = await RawGateway.ConnectAsync(port, "gw-body");
        using var stop = new CancellationTokenSource();
        var paintFlood = paint.FloodAsync(PaintTopic, seq => RawGateway.Measure(seq, t0.AddMilliseconds(seq), "ecoat-oven-z1-air", 150 + (seq % 50)), stop.Token);
        var bodyFlood = body.FloodAsync(BodyTopic, seq => RawGateway.Measure(seq, t0.AddMilliseconds(seq), "respot-weld-current", 5 + (seq % 10)), stop.Token);

        long peak = 0;
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < flood)
        {
            peak = Math.Max(peak, server.ResidentBytes());
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        // The flood is still running when the server is told to stop.
        server.Terminate();
        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        var sent = await paintFlood + await bodyFlood;
        var acknowledged = paint.Acknowledged.Count + body.Acknowledged.Count;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{flood.TotalSeconds:0} s flood: {sent} sent, {acknowledged} acknowledged ({acknowledged / flood.TotalSeconds:0} msg/s), peak RSS {peak / (1024 * 1024)} MiB"));
        Assert.True(peak < Bound, $"peak RSS {peak / (1024 * 1024)} MiB");
        Assert.Empty(paint.Refused);
        Assert.Empty(body.Refused);

        foreach (var (series, device) in new[] { ("ecoat-oven/ecoat-oven-z1-air", paint), ("respot/respot-weld-current", body) })
        {
            var stored = await StoredSeqsAsync(series, t0);
            Assert.Equal(stored.Count, stored.Distinct().Count());
            Assert.Subset(stored.ToHashSet(), device.Acknowledged.Keys.ToHashSet());
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    /// <summary>Payloads no decoder can read, in turn: invalid UTF-8 in the sensor id, the timestamp and the state; raw bytes; truncated JSON; escapes that shrink the timestamp; nesting past the limit; an empty payload.</summary>
    private static byte[] Undecodable(long seq, DateTimeOffset t0)
    {
        var ts = Encoding.ASCII.GetBytes(t0.AddMilliseconds(seq).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        var s = seq.ToString(CultureInfo.InvariantCulture);
        byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];
        byte[] A(string text) => Encoding.ASCII.GetBytes(text);
        return (seq % 8) switch
        {
            0 => Join(A("{\"ts\":\""), ts, A("\",\"seq\":" + s + ",\"values\":[{\"sensor\":\""), [0xFF, 0xFE], A("\",\"value\":1}]}")),
            1 => Join(A("{\"ts\":\""), ts.AsSpan(0, 10).ToArray(), [0xC3, 0x28], A("\",\"seq\":" + s + ",\"values\":[{\"sensor\":\"respot-weld-current\",\"value\":1}]}")),
            2 => Join(A("{\"ts\":\""), ts, A("\",\"seq\":" + s + ",\"values\":[{\"sensor\":\"respot-weld-current\",\"value\":\""), [0xED, 0xA0, 0x80], A("\"}]}")),
            3 => [.. Enumerable.Range(0, 256).Select(i => (byte)((i * 7) + seq))],
            4 => A("{\"ts\":\"2026-12-06T08:00:00.000Z\",\"seq\":" + s + ",\"values\":[{\"sensor\":\"respot-weld-cur"),
            5 => A("{\"ts\":\"\\u0032\\u0030\\u0032\\u0036\\u002d\",\"seq\":" + s + ",\"values\":[{\"sensor\":\"respot-weld-current\",\"value\":1}]}"),
            6 => A("{\"ts\":\"2026-12-06T08:00:00.000Z\",\"seq\":" + s + ",\"values\":[[[[[[[[[[[1]]]]]]]]]]]}"),
            _ => [],
        };
    }

    private static long Metric(string text, string name, string label)
    {
        foreach (var line in text.Split('\n'))
        {
            var match = MetricLine().Match(line);
            if (match.Success && match.Groups[1].Value == name && match.Groups[2].Value.Contains(label, StringComparison.Ordinal))
            {
                return (long)double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private async Task<List<long>> StoredSeqsAsync(string series, DateTimeOffset t0)
    {
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Path.Combine(_dir, "data") });
        var points = await historian.QueryRangeAsync(new SeriesId(series), t0, t0.AddHours(2), TestContext.Current.CancellationToken);
        return [.. points.Select(p => p.Seq)];
    }

    [GeneratedRegex(@"^([a-z_]+)(\{[^}]*\})? (\S+)")]
    private static partial Regex MetricLine();
}
