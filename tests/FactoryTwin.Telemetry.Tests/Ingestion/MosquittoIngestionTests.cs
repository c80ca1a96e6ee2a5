using FactoryTwin.Telemetry.Tests.TestSupport;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

public sealed class MosquittoIngestionTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ingest_PlainClientThroughMosquitto_StoredExactlyOnce()
    {
        mosquitto.RequireMosquitto();
        await using var harness = await IngestionHarness.StartAsync(o =>
        {
            o.Broker = TelemetryBrokerMode.External;
            o.Port = mosquitto.Port;
        });
        await using var gateway = await TestPublisher.ConnectAsync(mosquitto.Port, "gw-paint", namesItself: true);
        var t0 = TimeProvider.System.GetUtcNow();
        const int Messages = 300;

        for (var seq = 1; seq <= Messages; seq++)
        {
            Assert.True(await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0.AddMilliseconds(seq)), TestContext.Current.CancellationToken));
        }

        await harness.Store.WaitUntilAsync(() => harness.Metrics.Acknowledged == Messages, Timeout);
        Assert.Equal(Messages * Payloads.OvenSensors.Length, harness.Store.Distinct);
        Assert.Equal(1, harness.Store.MaxOffered);
    }

    [Fact]
    public async Task Ingest_TwoNodesWithSharedSubscription_SplitTheStreamAndStoreEachMessageOnce()
    {
        mosquitto.RequireMosquitto();
        using var store = new InMemoryTelemetryStore();
        var group = "twin-" + Guid.NewGuid().ToString("N")[..6];
        void Node(TelemetryOptions o)
        {
            o.Broker = TelemetryBrokerMode.External;
            o.Port = mosquitto.Port;
            o.SharedSubscriptionGroup = group;
        }

        await using var a = await IngestionHarness.StartAsync(Node, store);
        await using var b = await IngestionHarness.StartAsync(Node, store);
        await using var gateway = await TestPublisher.ConnectAsync(mosquitto.Port, "gw-paint", namesItself: true);
        var t0 = TimeProvider.System.GetUtcNow();
        const int Messages = 400;

        for (var seq = 1; seq <= Messages; seq++)
        {
            await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Oven(seq, t0), TestContext.Current.CancellationToken);
        }

        await store.WaitUntilAsync(() => a.Metrics.Acknowledged + b.Metrics.Acknowledged == Messages, Timeout);
        Assert.Equal(Messages * Payloads.OvenSensors.Length, store.Distinct);
        Assert.Equal(1, store.MaxOffered);
        Assert.True(a.Metrics.Received > 0 && b.Metrics.Received > 0, $"split {a.Metrics.Received}/{b.Metrics.Received}");
    }
}
