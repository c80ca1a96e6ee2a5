using System.Globalization;
using System.Text.Json;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.VirtualPlant.Publishing;
using FactoryTwin.VirtualPlant.Tests.TestSupport;

namespace FactoryTwin.VirtualPlant.Tests;

public sealed class VirtualPlantEmulatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_SeededRun_PlainSubscriberReceivesExactlyTheGroundTruth()
    {
        await using var broker = await TestBroker.LaunchAsync();
        await using var subscriber = await Subscriber.ConnectAsync(broker.Port);
        var truthPath = Path.Combine(_folder, "truth.jsonl");
        var options = new VirtualPlantOptions
        {
            Speed = 0, Seed = 5, Duration = 3 * 3600, Port = broker.Port, SampleInterval = 20, BatchInterval = 60, GroundTruthFile = truthPath,
        };

        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var summary = await emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await subscriber.WaitForAsync(summary.Status.Published, TimeSpan.FromSeconds(30));

        Assert.True(summary.Drained);
        Assert.Equal(0, summary.Status.Dropped);
        Assert.Equal(summary.Status.Messages, summary.Status.Published);
        var truth = GroundTruth.Read(truthPath);
        Assert.Equal(truth.Count, summary.GroundTruthEvents);
        var gatewayOf = TestPlants.Automotive.Gateways.SelectMany(g => g.Lines.Select(l => (Line: l.Value, Gateway: g.Id.Value))).ToDictionary(x => x.Line, x => x.Gateway);

        foreach (var gateway in TestPlants.Automotive.Gateways.Select(g => g.Id.Value))
        {
            var received = subscriber.Messages.Values.Where(m => m.Publisher == gateway).OrderBy(m => m.Seq).ToList();
            Assert.Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), received.Select(m => m.Seq)); // seq per publisher, no gap

            var expectedEvents = truth.Where(e => e.Kind() is "state" or "count" or "part" && gatewayOf[e.Str("line")] == gateway).Select(e => e.Key()).ToList();
            var receivedEvents = received.Where(m => m.Kind != "measure").Select(m => m.Json.Key(m.Line, m.Asset, m.Kind)).ToList();
            Assert.Equal(expectedEvents, receivedEvents);
        }

        var expectedValues = truth.Where(e => e.Kind() == "measure")
            .Select(e => $"{e.Str("asset")}/{e.Str("sensor")}={e.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();
        var receivedValues = subscriber.Messages.Values.Where(m => m.Kind == "measure")
            .SelectMany(m => m.Json.GetProperty("values").EnumerateArray()
                .Select(v => $"{m.Asset}/{v.GetProperty("sensor").GetString()}={v.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture)}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedValues);
        Assert.Equal(expectedValues, receivedValues);
        Assert.Contains(truth, e => e.Kind() == "part" && e.Str("asset") == "shipped");
    }

    [Fact]
    public async Task RunAsync_PacedAtOneTimesAScaledClock_LogsTheClocksSpeed()
    {
        // As in the server: the plant clock runs at VirtualPlant:Speed (60), the virtual plant at 1x of it.
        await using var broker = await TestBroker.LaunchAsync();
        var log = new ListLogger();
        var clock = new ScaledTimeProvider(TimeProvider.System, 60);
        var options = new VirtualPlantOptions { Speed = 1, AlignToClock = true, Seed = 1, Duration = 60, Port = broker.Port };

        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options, time: clock, logger: log);
        await emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var started = Assert.Single(log.Entries, e => e.EventId == 8000);
        Assert.Contains("speed 60x,", started.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Automotive_GatewaysPublishOnlyUnderTheirOwnLines()
    {
        await using var broker = await TestBroker.LaunchAsync();
        var options = new VirtualPlantOptions { Speed = 0, Seed = 2, Duration = 2 * 3600, Port = broker.Port, SampleInterval = 10, BatchInterval = 30 };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var summary = await emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(summary.Drained);
        var lines = TestPlants.Automotive.Gateways.ToDictionary(g => g.Id.Value, g => g.Lines.Select(l => l.Value).ToHashSet());
        var publishes = broker.Publishes.ToList();
        Assert.Equal(summary.Status.Published, publishes.Count);
        Assert.All(publishes, p =>
        {
            Assert.True(lines.ContainsKey(p.ClientId), $"client '{p.ClientId}' is not a gateway");
            var segments = p.Topic.Split('/');
            Assert.Equal("lakeside", segments[2]);
            Assert.Contains(segments[3], lines[p.ClientId]);
        });
        Assert.Equal(lines.Keys.Order(), publishes.Select(p => p.ClientId).Distinct().Order());
    }

    [Fact]
    public async Task RunAsync_ClockBetweenWholeSeconds_StartsExactlyAtTheConfiguredTime()
    {
        // The clock reads a fraction of a second; the plant's time 0 must still be the configured start to the tick.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 7, 13, 27, TimeSpan.Zero).AddTicks(55));
        await using var broker = await TestBroker.LaunchAsync();
        var truthPath = Path.Combine(_folder, "start.jsonl");
        var options = new VirtualPlantOptions
        {
            Speed = 0, Seed = 3, Duration = 600, Port = broker.Port, GroundTruthFile = truthPath, StartTime = new TimeOnly(10, 0),
        };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options, time: clock);

        var run = emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!run.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cts.Token);
        }

        await run;
        var first = GroundTruth.Read(truthPath)[0].GetProperty("time").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), local.DateTime); // the last Monday 10:00 before the clock's now
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(5)]
    public async Task RunAsync_BrokerRestart_LosesNothingThatFitsAndCountsEveryDrop(int bufferCapacity)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await using var broker = await TestBroker.LaunchAsync();
        await using var subscriber = await Subscriber.ConnectAsync(broker.Port);
        var truthPath = Path.Combine(_folder, "restart.jsonl");
        var options = new VirtualPlantOptions
        {
            Speed = 1000, Seed = 9, Duration = 2 * 3600, Port = broker.Port, SampleInterval = 0, BufferCapacity = bufferCapacity,
            ReconnectDelay = TimeSpan.FromMilliseconds(100), GroundTruthFile = truthPath,
        };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options, time: clock);
        var run = emulator.RunAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        // Phase 1: 20 simulated minutes with the broker up; then let everything arrive.
        await StepUntilAsync(clock, () => emulator.Status.SimulatedSeconds >= 1200);
        await Poll.UntilAsync(() => emulator.Status is { Buffered: 0, Messages: > 0 } s && subscriber.Messages.Count == s.Published, TimeSpan.FromSeconds(30), cancellationToken: TestContext.Current.CancellationToken);

        // Phase 2: the broker is away for 30 simulated minutes.
        await broker.StopAsync();
        await Poll.UntilAsync(() => emulator.Status.Gateways.All(g => g.Connection != GatewayConnectionState.Connected), TimeSpan.FromSeconds(30), cancellationToken: TestContext.Current.CancellationToken);
        await StepUntilAsync(clock, () => emulator.Status.SimulatedSeconds >= 3000);
        await Poll.UntilAsync(() => emulator.Status.Buffered > 0, TimeSpan.FromSeconds(30), cancellationToken: TestContext.Current.CancellationToken); // publishes in progress fail and go back to the buffer

        // Phase 3: the broker is back on the same port; the rest of the run and the drain.
        await broker.StartAsync(TestContext.Current.CancellationToken);
        await subscriber.ReconnectAsync();
        while (!run.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        var summary = await run;
        await subscriber.WaitForAsync(summary.Status.Published, TimeSpan.FromSeconds(30));
        var truth = GroundTruth.Read(truthPath);
        long expected = truth.Count(e => e.Kind() is "state" or "count" or "part");

        Assert.True(summary.Drained);
        Assert.Equal(expected, summary.Status.Messages);
        Assert.Equal(expected - summary.Status.Dropped, subscriber.Messages.Count);
        Assert.All(summary.Status.Gateways, g => Assert.True(g.Reconnects >= 1));
        if (bufferCapacity >= 100_000)
        {
            Assert.Equal(0, summary.Status.Dropped);
        }
        else
        {
            Assert.True(summary.Status.Dropped > 0);
            long missing = summary.Status.Gateways.Sum(g => g.Messages - subscriber.Messages.Keys.Count(k => k.Publisher == g.Gateway.Value));
            Assert.Equal(missing, summary.Status.Dropped);
        }
    }

    [Fact]
    public async Task RunAsync_At1000x_OffersTheIngestionBenchmarkLoadWithoutDropping()
    {
        await using var broker = await TestBroker.LaunchAsync();
        var truthPath = Path.Combine(_folder, "rate.jsonl");
        var options = new VirtualPlantOptions
        {
            Speed = 1000, Seed = 1, Duration = 300, Port = broker.Port, SampleInterval = 0.1, BatchInterval = 1, GroundTruthFile = truthPath,
        };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var summary = await emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // What 1000x offers, from simulated counts (wall-clock figures are measured by the benchmark, not here):
        // docs/benchmarks.md asks ingestion for >= 100,000 points/s in batched messages.
        var truth = GroundTruth.Read(truthPath);
        double pointsPerSimulatedSecond = truth.Count(e => e.Kind() == "measure") / 300.0;
        Assert.True(pointsPerSimulatedSecond * 1000 >= 100_000, $"{pointsPerSimulatedSecond * 1000:F0} points/s offered at 1000x");
        Assert.True(summary.Drained);
        Assert.Equal(0, summary.Status.Dropped);
        Assert.Equal(truth.Count(e => e.Kind() == "measure"), summary.Status.PointsPublished);
    }

    [Fact]
    public void New_BadOptions_NamesEveryProblem()
    {
        var options = new VirtualPlantOptions { Speed = 5000, Port = 0, BatchInterval = 0, BufferCapacity = 0, Duration = -1 };

        var ex = Assert.Throws<ArgumentException>(() => new VirtualPlantEmulator(TestPlants.Automotive, options));
        Assert.Contains("VirtualPlant:Speed is 5000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:Port is 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:BatchInterval", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:BufferCapacity", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:Duration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BrokerUnreachable_BuffersCountsAndStillWritesTheGroundTruth()
    {
        var truthPath = Path.Combine(_folder, "offline.jsonl");
        var options = new VirtualPlantOptions { Speed = 0, Duration = 1800, Port = FreePorts.Next(), BufferCapacity = 50, SampleInterval = 60, GroundTruthFile = truthPath };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var summary = await emulator.RunAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);

        Assert.False(summary.Drained);
        Assert.Equal(0, summary.Status.Published);
        Assert.Equal(summary.Status.Messages, summary.Status.Dropped + summary.Status.Buffered);
        Assert.True(summary.Status.Dropped > 0);
        Assert.True(GroundTruth.Read(truthPath).Count > 0);
    }

    private static async Task StepUntilAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cts.Token);
        }
    }
}
