using System.Collections.Concurrent;
using System.Globalization;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Npgsql;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// The figures of docs/benchmarks.md "Cluster: 1 and 3 nodes": the same device load through mosquitto into a cluster of
/// one and of three real <c>serve</c> processes on one PostgreSQL, with API reads on every node meanwhile. A measurement,
/// not a check of speed: it asserts only that every message is stored once. It takes a few minutes and the whole machine,
/// so it runs on demand: <c>FACTORYTWIN_MEASURE_CLUSTER=1 dotnet test tests/FactoryTwin.Server.Tests --filter
/// FullyQualifiedName~ClusterScalingMeasurement</c>.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class ClusterScalingMeasurement(PostgresServerFixture postgres, MosquittoFixture mosquitto)
    : IClassFixture<PostgresServerFixture>, IClassFixture<MosquittoFixture>, IDisposable
{
    private const int MessagesPerGateway = 50_000;
    private const string PaintTopic = "factorytwin/v1/lakeside/paint/ecoat-oven/measure";
    private const string BodyTopic = "factorytwin/v1/lakeside/body/respot/measure";
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-measure-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneAndThreeNodes_IngestRateAndApiLatency()
    {
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable("FACTORYTWIN_MEASURE_CLUSTER") == "1",
            "A measurement for docs/benchmarks.md, run on demand: set FACTORYTWIN_MEASURE_CLUSTER=1.");
        postgres.RequireServer();
        mosquitto.RequireMosquitto();
        var lines = new List<string>();
        foreach (var nodes in new[] { 1, 3 })
        {
            lines.Add(await MeasureAsync(nodes));
            TestContext.Current.TestOutputHelper?.WriteLine(lines[^1]);
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "cluster-scaling.txt"), lines);
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

    private async Task<string> MeasureAsync(int count)
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var token = await ThreeNodeClusterTests.AdminTokenAsync(connectionString, "measure-admin-password");

        var clusterId = string.Create(CultureInfo.InvariantCulture, $"measure{count}-{Guid.NewGuid():N}")[..20];
        var nodes = new List<(ServeProcess Process, HttpClient Client)>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var folder = Path.Combine(_dir, string.Create(CultureInfo.InvariantCulture, $"{count}-{i}"));
                Directory.CreateDirectory(folder);
                var settings = ThreeNodeClusterTests.NodeSettings(string.Create(CultureInfo.InvariantCulture, $"{clusterId}-{i}"), connectionString, clusterId, mosquitto.Port, clusterId);
                var process = await ServeProcess.StartAsync(folder, settings);
                nodes.Add((process, ThreeNodeClusterTests.NodeClient(folder, process.Url!)));
            }

            await Poll.UntilAsync(async ValueTask<bool> (_) => await ThreeNodeClusterTests.ActiveSilosAsync(connectionString, clusterId) == count, TimeSpan.FromSeconds(60), () => $"{count} active silos", Ct);

            // Warm: a few reads on every node first, so the figures under load are not the first requests' JIT.
            using (var warm = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                await Task.WhenAll(nodes.Select(n => ReadLoopAsync(n.Client, token, [], warm.Token)));
            }

            // API reads on every node while the devices publish, one reader per node.
            var t0 = TimeProvider.System.GetUtcNow().AddMinutes(-30);
            using var stop = new CancellationTokenSource();
            var during = new ConcurrentBag<double>();
            var readers = nodes.Select(n => ReadLoopAsync(n.Client, token, during, stop.Token)).ToArray();

            var started = TimeProvider.System.GetTimestamp();
            await using var paint = await RawGateway.ConnectAsync(mosquitto.Port, "gw-paint", namesItself: true);
            await using var body = await RawGateway.ConnectAsync(mosquitto.Port, "gw-body", namesItself: true);
            var published = await Task.WhenAll(
                paint.PublishAsync(PaintTopic, Messages(t0, "ecoat-oven-z1-air", 150)),
                body.PublishAsync(BodyTopic, Messages(t0, "respot-weld-current", 5)));
            Assert.All(published, Assert.True);
            long stored = 0;
            await Poll.UntilAsync(
                async ValueTask<bool> (_) => (stored = await StoredAsync(connectionString)) >= 2 * MessagesPerGateway,
                TimeSpan.FromMinutes(5),
                () => $"{2 * MessagesPerGateway} points stored, not {stored}",
                Ct);
            var ingest = TimeProvider.System.GetElapsedTime(started);
            await stop.CancelAsync();
            await Task.WhenAll(readers);

            // And quiet: the same reads with no load.
            var idle = new ConcurrentBag<double>();
            using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                await Task.WhenAll(nodes.Select(n => ReadLoopAsync(n.Client, token, idle, quiet.Token)));
            }

            Assert.Equal(2 * MessagesPerGateway, await StoredAsync(connectionString));
            var acknowledged = paint.Latencies.Concat(body.Latencies).Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture,
                $"{count} node(s): {2 * MessagesPerGateway} messages stored in {ingest.TotalSeconds:F1} s = {2 * MessagesPerGateway / ingest.TotalSeconds:F0} msg/s; "
                + $"publish→PUBACK p50 {Percentile(acknowledged, 0.5):F0} ms p99 {Percentile(acknowledged, 0.99):F0} ms; "
                + $"GET api/v1/state under load p50 {Percentile([.. during.Order()], 0.5):F0} ms p99 {Percentile([.. during.Order()], 0.99):F0} ms ({during.Count} reads), "
                + $"idle p50 {Percentile([.. idle.Order()], 0.5):F0} ms p99 {Percentile([.. idle.Order()], 0.99):F0} ms ({idle.Count} reads)");
        }
        finally
        {
            foreach (var (process, client) in nodes)
            {
                // What went wrong on a node, if anything, next to its figures.
                foreach (var line in process.Output.Text.Split('\n').Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)).Take(20))
                {
                    TestContext.Current.TestOutputHelper?.WriteLine(line);
                }

                client.Dispose();
                process.Dispose();
            }
        }
    }

    private static async Task ReadLoopAsync(HttpClient client, string token, ConcurrentBag<double> latencies, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = TimeProvider.System.GetTimestamp();
            try
            {
                using var response = await ThreeNodeClusterTests.SendAsync(client, HttpMethod.Get, "api/v1/state", token);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(Ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            latencies.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static List<(long Seq, byte[] Payload)> Messages(DateTimeOffset t0, string sensor, double value) =>
        [.. Enumerable.Range(1, MessagesPerGateway).Select(seq => ((long)seq, RawGateway.Measure(seq, t0.AddMilliseconds(seq), sensor, value + (seq % 10))))];

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static async Task<long> StoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        // The run's own schema: nothing else writes points into it.
        await using var command = new NpgsqlCommand("SELECT count(*) FROM points", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
