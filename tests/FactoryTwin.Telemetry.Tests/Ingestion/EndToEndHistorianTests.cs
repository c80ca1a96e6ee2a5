using FactoryTwin.Historian;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Tests.TestSupport;
using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

/// <summary>
/// End to end, with the real historians: plain MQTTnet clients, one per gateway of the automotive sample, publish QoS 1
/// traffic of every kind through a broker (the embedded one or mosquitto); ingestion commits it into a DuckDB file or a
/// PostgreSQL server; then the historian is queried. Every point (in SI units) and part event must be there exactly
/// once — after the first delivery, after the same messages (same seq) are published again to the running ingestion
/// (duplicates by seq), and after they are published again to a restarted ingestion, which no longer remembers the seqs,
/// so only the historian's idempotency keeps them out.
/// </summary>
public sealed class EndToEndHistorianTests(MosquittoFixture mosquitto, PostgresServerFixture postgres)
    : IClassFixture<MosquittoFixture>, IClassFixture<PostgresServerFixture>, IDisposable
{
    /// <summary>25 rounds of 13 messages: 325 messages, 575 points and 75 part events.</summary>
    private const int Rounds = 25;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-e2e-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Ingest_EveryKindThroughEmbeddedBroker_InDuckDbHistorianOnceInSiUnitsAlsoWhenRedelivered()
    {
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = _folder, FileName = "embedded.duckdb" });

        await RunAsync(historian, store => IngestionHarness.StartAsync(store), external: false);
    }

    [Fact]
    public async Task Ingest_EveryKindThroughMosquitto_InDuckDbHistorianOnceInSiUnitsAlsoWhenRedelivered()
    {
        mosquitto.RequireMosquitto();
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = _folder, FileName = "mosquitto.duckdb" });

        await RunAsync(
            historian,
            store => IngestionHarness.StartAsync(store, o =>
            {
                o.Broker = TelemetryBrokerMode.External;
                o.Port = mosquitto.Port;
            }),
            external: true);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task Ingest_EveryKindThroughEmbeddedBroker_InPostgresHistorianOnceInSiUnitsAlsoWhenRedelivered()
    {
        postgres.RequireServer();

        var options = new HistorianOptions { Provider = HistorianProvider.Postgres, ConnectionString = await postgres.CreateSchemaAsync() };
        await using var historian = HistorianFactory.Create(options);

        await RunAsync(historian, store => IngestionHarness.StartAsync(store), external: false);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task RunAsync(IHistorian historian, Func<ITelemetryStore, Task<IngestionHarness>> startIngestion, bool external)
    {
        var ct = TestContext.Current.CancellationToken;
        var now = TimeProvider.System.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(-5);
        var traffic = PlantTraffic.Create(start, Rounds);
        var messages = traffic.Messages.Count;
        Assert.Equal(Rounds * PlantTraffic.MessagesPerRound, messages);

        await using (var ingestion = await startIngestion(historian))
        {
            await PublishAllAsync(ingestion.Port, traffic, external, ct);
            await WaitAcknowledgedAsync(ingestion, messages);
            Assert.Equal(0, Enum.GetValues<RejectionReason>().Sum(ingestion.Metrics.Rejected));
            Assert.Equal(0, ingestion.Metrics.SequenceGaps);
            await AssertHoldsExactlyAsync(historian, traffic, ct);

            // Zone 1 of the first round: 181.5 degC on the wire, in kelvin in the historian.
            var z1 = await historian.QueryRangeAsync(new SeriesId("ecoat-oven/ecoat-oven-z1-air"), start, start.AddMilliseconds(1), ct);
            Assert.Equal(454.65, Assert.Single(z1).Value, 1e-9);

            // The same messages again, to the same ingestion: duplicates by seq, acknowledged, nothing added.
            await PublishAllAsync(ingestion.Port, traffic, external, ct);
            await WaitAcknowledgedAsync(ingestion, 2 * messages);
            Assert.Equal(messages, ingestion.Metrics.Rejected(RejectionReason.Duplicate));
            await AssertHoldsExactlyAsync(historian, traffic, ct);
        }

        // And again to a restarted ingestion, as after a crash: it accepts them all and offers them to the historian.
        await using (var restarted = await startIngestion(historian))
        {
            await PublishAllAsync(restarted.Port, traffic, external, ct);
            await WaitAcknowledgedAsync(restarted, messages);
            Assert.Equal(0, restarted.Metrics.Rejected(RejectionReason.Duplicate));
            Assert.Equal(traffic.Points.Count, restarted.Metrics.PointsCommitted);
            Assert.Equal(traffic.Parts.Count, restarted.Metrics.PartsCommitted);
            await AssertHoldsExactlyAsync(historian, traffic, ct);
        }
    }

    /// <summary>Each gateway publishes its messages in seq order, the three gateways at once; every publish must be acknowledged.</summary>
    private static Task PublishAllAsync(int port, PlantTraffic traffic, bool external, CancellationToken cancellationToken) =>
        Task.WhenAll(PlantTraffic.Gateways.Select(async gateway =>
        {
            await using var publisher = await TestPublisher.ConnectAsync(port, gateway, namesItself: external);
            foreach (var m in traffic.Messages.Where(m => m.Gateway == gateway))
            {
                Assert.True(await publisher.PublishAsync(m.Topic, m.Payload, cancellationToken), $"{m.Topic} {m.Payload} was not acknowledged");
            }
        }));

    private static Task WaitAcknowledgedAsync(IngestionHarness ingestion, long count) =>
        Poll.UntilAsync(
            () => ingestion.Metrics.Acknowledged >= count,
            Timeout,
            () => $"{ingestion.Metrics.Acknowledged} of {count} acknowledged, {ingestion.Metrics.PointsCommitted} points committed");

    /// <summary>Asserts that the historian holds exactly the traffic's points (same keys, SI values) and part events, nothing twice and nothing else.</summary>
    private static async Task AssertHoldsExactlyAsync(IHistorian historian, PlantTraffic traffic, CancellationToken cancellationToken)
    {
        foreach (var series in traffic.Points.GroupBy(p => p.Series))
        {
            var expected = series.OrderBy(p => p.Timestamp).ThenBy(p => p.Seq).ToList();
            var stored = await historian.QueryRangeAsync(series.Key, traffic.Since, traffic.Until, cancellationToken);
            Assert.Equal(expected.Select(p => (p.Timestamp, p.Seq)), stored.Select(p => (p.Timestamp, p.Seq)));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Value, stored[i].Value, Math.Max(1e-9, Math.Abs(expected[i].Value) * 1e-12));
            }
        }

        Assert.Equal(traffic.Points.Count, (await historian.GetStatisticsAsync(cancellationToken)).RawPoints);
        var parts = await historian.QueryPartEventsAsync(traffic.Since, traffic.Until, cancellationToken: cancellationToken);
        Assert.Equal(Ordered(traffic.Parts), Ordered(parts));
    }

    private static List<PartEvent> Ordered(IEnumerable<PartEvent> parts) =>
        [.. parts.OrderBy(e => e.Timestamp).ThenBy(e => e.Asset.Value, StringComparer.Ordinal).ThenBy(e => e.Seq)];
}
