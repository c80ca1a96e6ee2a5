using System.Collections.Concurrent;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Ingestion;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

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
        var options = new TelemetryOptions { Port = FreePort.Next(), ClientId = "ingest-" + Guid.NewGuid().ToString("N")[..8] };
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        await using var broker = new EmbeddedBroker(wrapped, NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(TestContext.Current.CancellationToken);
        using var metrics = new TelemetryMetrics();
        var store = new InMemoryTelemetryStore();
        var failing = new FailingObserver();
        var recording = new RecordingObserver();
        using var ingestion = new MqttIngestionService(wrapped, TestPlants.Automotive, store, TimeProvider.System, metrics, NullLogger<MqttIngestionService>.Instance, [failing, recording]);
        await ingestion.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await IngestionHarness.WaitUntilAsync(() => ingestion.IsConnected && ingestion.IsSubscribed, Timeout, () => "ingestion did not connect");
            await using var gateway = await TestPublisher.ConnectAsync(options.Port, "gw-paint");
            var t0 = TimeProvider.System.GetUtcNow();
            const int Messages = 50;
            for (var seq = 1; seq <= Messages; seq++)
            {
                Assert.True(await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0.AddMilliseconds(seq)), TestContext.Current.CancellationToken));
            }

            await IngestionHarness.WaitUntilAsync(() => metrics.Acknowledged == Messages, Timeout, () => $"{metrics.Acknowledged} acknowledged");
            Assert.Equal(Messages * Payloads.OvenSensors.Length, store.Distinct);
            Assert.Equal(store.Distinct, recording.Points.Count);
            Assert.True(failing.Calls >= 1);
            Assert.Equal(failing.Calls, ingestion.ObserverFailures);
        }
        finally
        {
            await ingestion.StopAsync(CancellationToken.None);
        }
    }
}
