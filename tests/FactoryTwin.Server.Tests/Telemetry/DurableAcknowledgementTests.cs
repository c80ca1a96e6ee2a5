using System.Globalization;
using System.Security.Cryptography;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Telemetry;

/// <summary>
/// The durability promise from the device's side: a plain MQTT client publishes QoS 1 to the real <c>factorytwin</c>
/// server process; the process is killed (SIGKILL) or stopped (SIGTERM) in the middle of the stream, restarted on the
/// same folder, and the device sends again what it has not seen acknowledged. Every message the device saw a PUBACK for
/// is in the historian afterwards, and none twice.
/// </summary>
public sealed class DurableAcknowledgementTests : IDisposable
{
    private const int Messages = 20_000;
    private const string Topic = "factorytwin/v1/lakeside/paint/ecoat-oven/measure";
    private const string Sensor = "ecoat-oven-z1-air";
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-durable-").FullName;

    [Theory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public async Task Serve_StoppedMidStreamAndRestarted_EveryAcknowledgedMessageStoredExactlyOnce(string signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The server process is stopped with kill(1) and its memory read from /proc.");
        var settings = ServeProcess.Settings(("Server__Emulator", "false"), ("Server__DeviceAuthentication", "false"));
        var port = int.Parse(settings["Telemetry__Port"], CultureInfo.InvariantCulture);
        var t0 = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        var all = Enumerable.Range(1, Messages).Select(seq => ((long)seq, RawGateway.Measure(seq, t0.AddMilliseconds(seq), Sensor, 150 + (seq % 50)))).ToArray();
        var stopAfter = RandomNumberGenerator.GetInt32(2_000, 16_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"{signal} after {stopAfter} acknowledgements");
        HashSet<long> acknowledgedBeforeStop;

        using (var first = await ServeProcess.StartAsync(_dir, settings))
        {
            await using var device = await RawGateway.ConnectAsync(port, "gw-paint");
            var stream = device.PublishAsync(Topic, all);
            await Poll.UntilAsync(() => device.Acknowledged.Count >= stopAfter || stream.IsCompleted, TimeSpan.FromMinutes(2), cancellationToken: TestContext.Current.CancellationToken);
            if (signal == "SIGKILL")
            {
                first.Kill();
            }
            else
            {
                first.Terminate();
            }

            Assert.False(await stream, "the stream should have been cut by the stop");
            var exit = await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
            if (signal == "SIGTERM")
            {
                Assert.Equal(0, exit);
            }

            acknowledgedBeforeStop = [.. device.Acknowledged.Keys];
            Assert.Empty(device.Refused);
        }

        // The device sends again everything it has not seen acknowledged, to the restarted server.
        using (var second = await ServeProcess.StartAsync(_dir, settings))
        {
            await using var device = await RawGateway.ConnectAsync(port, "gw-paint");
            var rest = all.Where(m => !acknowledgedBeforeStop.Contains(m.Item1)).ToArray();
            Assert.True(await device.PublishAsync(Topic, rest));
            Assert.Empty(device.Refused);
            Assert.Equal(rest.Length, device.Acknowledged.Count);
            second.Terminate();
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var stored = await StoredSeqsAsync(t0);
        TestContext.Current.TestOutputHelper?.WriteLine($"acknowledged before the {signal}: {acknowledgedBeforeStop.Count}; stored in all: {stored.Count}");
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Subset(stored.ToHashSet(), acknowledgedBeforeStop);
        Assert.Equal(Messages, stored.Count);
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

    private async Task<List<long>> StoredSeqsAsync(DateTimeOffset t0)
    {
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Path.Combine(_dir, "data") });
        var points = await historian.QueryRangeAsync(new SeriesId("ecoat-oven/" + Sensor), t0, t0.AddMinutes(10), TestContext.Current.CancellationToken);
        return [.. points.Select(p => p.Seq)];
    }
}
