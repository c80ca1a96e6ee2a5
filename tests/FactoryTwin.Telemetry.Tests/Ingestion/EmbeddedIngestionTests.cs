using FactoryTwin.Telemetry.Tests.TestSupport;
using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

public sealed class EmbeddedIngestionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ingest_PlainClientMessages_StoredExactlyOnceAndAcknowledged()
    {
        await using var harness = await IngestionHarness.StartAsync();
        await using var gateway = await TestPublisher.ConnectAsync(harness.Port, "gw-paint");
        var t0 = TimeProvider.System.GetUtcNow();
        const int Messages = 300;

        for (var seq = 1; seq <= Messages; seq++)
        {
            Assert.True(await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0.AddMilliseconds(seq)), TestContext.Current.CancellationToken));
        }

        await harness.Store.WaitUntilAsync(() => harness.Metrics.Acknowledged == Messages, Timeout);
        Assert.Equal(Messages * Payloads.OvenSensors.Length, harness.Store.Distinct);
        Assert.Equal(1, harness.Store.MaxOffered);
        Assert.Equal(0, harness.Metrics.SequenceGaps);
    }

    [Fact]
    public async Task Ingest_MalformedFloodFromOnePublisher_OtherPublisherGoodMessagesAllStoredInOrder()
    {
        await using var harness = await IngestionHarness.StartAsync();
        await using var flooder = await TestPublisher.ConnectAsync(harness.Port, "gw-body");
        await using var gateway = await TestPublisher.ConnectAsync(harness.Port, "gw-paint");
        using var stopFlood = new CancellationTokenSource();
        var floodTopic = Payloads.Topic("body", "respot", "measure");
        var flooded = 0;
        var flood = Task.Run(async () =>
        {
            while (!stopFlood.IsCancellationRequested)
            {
                await flooder.PublishAsync(floodTopic, "{\"ts\":garbage", TestContext.Current.CancellationToken);
                flooded++;
            }
        }, TestContext.Current.CancellationToken);
        await harness.Store.WaitUntilAsync(() => harness.Metrics.Rejected(RejectionReason.Malformed) >= 200, Timeout);

        var t0 = TimeProvider.System.GetUtcNow();
        const int Good = 100;
        for (var seq = 1; seq <= Good; seq++)
        {
            await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Measure(seq, t0, ("ecoat-oven-z1-air", 180)), TestContext.Current.CancellationToken);
        }

        await harness.Store.WaitUntilAsync(() => harness.Store.Distinct == Good, Timeout);
        var rejectedWhileGoodFlowed = harness.Metrics.Rejected(RejectionReason.Malformed);
        await stopFlood.CancelAsync();
        await flood;

        Assert.Equal(Enumerable.Range(1, Good).Select(i => (long)i), harness.Store.Points.Select(p => p.Seq));
        Assert.True(rejectedWhileGoodFlowed > 200, "the flood kept going while the good messages were stored");
        await harness.Store.WaitUntilAsync(() => harness.Metrics.Acknowledged == flooded + Good, Timeout);
        Assert.Equal(flooded, harness.Metrics.Rejected(RejectionReason.Malformed));
        Assert.Equal(0, harness.Metrics.Rejected(RejectionReason.Duplicate));
    }

    [Fact]
    public async Task Ingest_StoreSlowerThanStream_UnacknowledgedStayWithinReceiveMaximumAndBrokerHoldsTheRest()
    {
        using var store = new InMemoryTelemetryStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var harness = await IngestionHarness.StartAsync(o => o.ReceiveMaximum = 16, store);
        await using var gateway = await TestPublisher.ConnectAsync(harness.Port, "gw-paint");
        var t0 = TimeProvider.System.GetUtcNow();
        const int Messages = 400;

        // Every publish is acknowledged by the broker although the store accepts nothing: the broker holds the backlog.
        for (var seq = 1; seq <= Messages; seq++)
        {
            Assert.True(await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0), TestContext.Current.CancellationToken));
        }

        await harness.Store.WaitUntilAsync(() => harness.Metrics.Received >= 16, Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(16, harness.Metrics.Received);
        Assert.Equal(0, harness.Metrics.Acknowledged);

        store.Gate.SetResult();
        await harness.Store.WaitUntilAsync(() => harness.Metrics.Acknowledged == Messages, Timeout);
        Assert.Equal(Messages * Payloads.OvenSensors.Length, store.Distinct);
        Assert.True(harness.Metrics.MaxInFlight <= 16, $"in flight reached {harness.Metrics.MaxInFlight}");
    }

    [Fact]
    public async Task Ingest_StoreFailsTransiently_RetriesAndAcknowledgesOnlyAfterCommit()
    {
        using var store = new InMemoryTelemetryStore();
        store.FailNext(2);
        await using var harness = await IngestionHarness.StartAsync(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(10), store);
        await using var gateway = await TestPublisher.ConnectAsync(harness.Port, "gw-paint");

        await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(1, TimeProvider.System.GetUtcNow()), TestContext.Current.CancellationToken);

        await store.WaitUntilAsync(() => harness.Metrics.Acknowledged == 1, Timeout);
        Assert.Equal(Payloads.OvenSensors.Length, store.Distinct);
        Assert.Equal(1, store.Appends);
    }
}
