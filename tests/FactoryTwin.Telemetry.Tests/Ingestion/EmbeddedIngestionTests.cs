using FactoryTwin.Telemetry.Ingestion;
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
    public async Task Ingest_StoreHangs_NoDeviceAcknowledgementAndReceivingStopsAtTheMemoryBudget()
    {
        using var store = new InMemoryTelemetryStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        const long Budget = 64 * 1024;
        await using var harness = await IngestionHarness.StartAsync(o => o.MaxPendingBytes = Budget, store);
        await using var gateway = await TestPublisher.ConnectAsync(harness.Port, "gw-paint");
        var t0 = TimeProvider.System.GetUtcNow();
        const int Messages = 2000;
        var perMessage = IngestionPipeline.MessageOverheadBytes + (IngestionPipeline.ItemBytes * Payloads.OvenSensors.Length);
        var fits = (int)(Budget / perMessage);

        // The device keeps all its messages in flight; the store takes nothing.
        var publishes = Enumerable.Range(1, Messages)
            .Select(seq => gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0.AddMilliseconds(seq)), TestContext.Current.CancellationToken))
            .ToArray();
        await harness.Store.WaitUntilAsync(() => harness.Pipeline.GetHealth().WaitingReceivers == 1, Timeout);

        // Not one PUBACK, and the broker stopped reading at the budget: the rest waits in the device and TCP.
        Assert.Equal(0, harness.Metrics.Acknowledged);
        Assert.DoesNotContain(publishes, p => p.IsCompleted);
        Assert.Equal(fits, harness.Pipeline.Pending);
        Assert.Equal(fits + 1, harness.Metrics.Received);
        Assert.True(harness.Pipeline.HeldBytes <= Budget, $"{harness.Pipeline.HeldBytes} bytes held");

        store.Gate.SetResult();
        Assert.All(await Task.WhenAll(publishes), Assert.True);
        Assert.Equal(Messages, harness.Metrics.Acknowledged);
        Assert.Equal(Messages * Payloads.OvenSensors.Length, store.Distinct);
        await harness.Store.WaitUntilAsync(() => harness.Pipeline.Pending == 0 && harness.Pipeline.HeldBytes == 0, Timeout);
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
