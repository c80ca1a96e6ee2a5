using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Historian.Tests.Postgres;

/// <summary>
/// Several nodes of a cluster write one PostgreSQL historian at once, each with its share of the same publishers'
/// series (an MQTT shared subscription deals the messages out): their commits must neither deadlock nor wait on each
/// other for long, and every point is stored once.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresConcurrentWritersTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThreeWritersOfTheSameSeriesInDifferentOrders_CommitWithoutDeadlockAndStoreEveryPointOnce()
    {
        server.RequireServer();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateSchemaAsync();
        var time = new FakeTimeProvider(T0);
        var series = Enumerable.Range(0, 6).Select(i => SeriesId.Of(new AssetId("oven"), "z" + i)).ToArray();
        var writers = Enumerable.Range(0, 3)
            .Select(_ => HistorianFactory.Create(new HistorianOptions { Provider = HistorianProvider.Postgres, ConnectionString = connectionString, MaintenanceIntervalMinutes = 0 }, time))
            .ToArray();
        try
        {
            const int Batches = 60;
            // Writer w sends batch b of every series, the series in an order of its own (reversed, rotated).
            var runs = writers.Select((writer, w) => Task.Run(
                async () =>
                {
                    for (var b = 0; b < Batches; b++)
                    {
                        var order = w switch
                        {
                            0 => series,
                            1 => [.. series.Reverse()],
                            _ => [.. series.Skip(b % series.Length), .. series.Take(b % series.Length)],
                        };
                        var points = order.Select(s => new SeriesPoint(s, T0.AddSeconds((b * 3) + w), b, (b * 3) + w)).ToList();
                        await writer.AppendAsync(new TelemetryBatch(points, []), ct);
                    }
                },
                ct)).ToArray();

            await Task.WhenAll(runs);

            foreach (var s in series)
            {
                var stored = await writers[0].QueryRangeAsync(s, T0, T0.AddHours(1), ct);
                Assert.Equal(3 * Batches, stored.Count);
                var latest = Assert.Single(await writers[1].GetLatestAsync([s], ct));
                Assert.Equal(T0.AddSeconds(((Batches - 1) * 3) + 2), latest.Timestamp);
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                await writer.DisposeAsync();
            }
        }
    }
}
