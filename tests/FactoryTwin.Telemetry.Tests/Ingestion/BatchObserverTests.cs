using System.Collections.Concurrent;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Tests.TestSupport;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

public sealed class BatchObserverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private sealed class RecordingObserver : ITelemetryBatchObserver
    {
        public ConcurrentQueue<SeriesPoint> Points { get; } = new();

        public ValueTask OnCommittedAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
        {
            foreach (var p in batch.Points)
            {
                Points.Enqueue(p);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailingObserver : ITelemetryBatchObserver
    {
        public int Calls;

        public ValueTask OnCommittedAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("observer broken");
        }
    }

    [Fact]
    public async Task Ingest_FailingObserverBeforeAnother_EveryBatchCommittedObservedAndAcknowledged()
    {
        var store = new InMemoryTelemetryStore();
        var failing = new FailingObserver();
        var recording = new RecordingObserver();
        await using var harness = await IngestionHarness.StartAsync(store: store, observers: [failing, recording]);
        await using var gateway = await TestPublisher.ConnectAsync(harness.Port, "gw-paint");
        var t0 = TimeProvider.System.GetUtcNow();
        const int Messages = 50;
        for (var seq = 1; seq <= Messages; seq++)
        {
            Assert.True(await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0.AddMilliseconds(seq)), TestContext.Current.CancellationToken));
        }

        // The device's own PUBACK came after the commit and after the observers saw the batch.
        Assert.Equal(Messages, harness.Metrics.Acknowledged);
        Assert.Equal(Messages * Payloads.OvenSensors.Length, store.Distinct);
        Assert.Equal(store.Distinct, recording.Points.Count);
        Assert.True(failing.Calls >= 1);
        Assert.Equal(failing.Calls, harness.Pipeline.ObserverFailures);
    }
}
