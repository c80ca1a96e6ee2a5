using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry;
using FactoryTwin.VirtualPlant.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.VirtualPlant.Tests;

/// <summary>The virtual plant against the real telemetry ingestion (embedded broker, schema v1 validation).</summary>
public sealed class IngestionAcceptanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_RealIngestion_AcceptsEveryMessageAndStoresTheGroundTruth()
    {
        int port = FreePorts.Next();
        var store = new CountingStore();
        using var rejected = new RejectionListener();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TestPlants.Automotive);
        builder.Services.AddSingleton<ITelemetryStore>(store);
        builder.AddTelemetry(o =>
        {
            o.Port = port;
            o.ClientId = "ingest-vp-test";
        });
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        await WaitForIngestionAsync(port, rejected);

        var truthPath = Path.Combine(_folder, "truth.jsonl");
        var options = new VirtualPlantOptions { Speed = 0, Seed = 3, Duration = 2 * 3600, Port = port, SampleInterval = 10, BatchInterval = 60, GroundTruthFile = truthPath };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var summary = await emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var truth = GroundTruth.Read(truthPath);
        int parts = truth.Count(e => e.Kind() == "part");
        int points = truth.Count(e => e.Kind() is "measure" or "state" or "count") + truth.Count(e => e.Kind() == "count"); // a count message stores good and scrap
        await Poll.UntilAsync(() => store.Parts >= parts && store.Points >= points, TimeSpan.FromSeconds(60), () => $"{store.Parts}/{parts} part events, {store.Points}/{points} points stored; rejected: {rejected.Describe()}", TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(summary.Drained);
        Assert.Equal(parts, store.Parts);
        Assert.Equal(points, store.Points);
        Assert.Equal(0, rejected.Total - rejected.Of("unauthorized"));
    }

    /// <summary>Publishes from a client that is not a gateway until ingestion counts it as unauthorized: it is subscribed then.</summary>
    private static async Task WaitForIngestionAsync(int port, RejectionListener rejected)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("probe").WithProtocolVersion(MqttProtocolVersion.V500).Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!client.IsConnected)
        {
            try
            {
                await client.ConnectAsync(options, cts.Token);
            }
            catch (Exception) when (!cts.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cts.Token);
            }
        }

        while (rejected.Of("unauthorized") == 0)
        {
            var message = new MqttApplicationMessageBuilder().WithTopic("factorytwin/v1/lakeside/body/respot/state")
                .WithPayload("{\"ts\":\"2026-01-01T00:00:00Z\",\"seq\":0,\"state\":\"working\"}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            await client.PublishAsync(message, cts.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cts.Token);
        }

        await client.DisconnectAsync(cancellationToken: cts.Token);
    }

    private sealed class CountingStore : ITelemetryStore
    {
        private readonly ConcurrentDictionary<(string, long, long), byte> _points = new();
        private long _parts;

        public int Points => _points.Count;

        public long Parts => Interlocked.Read(ref _parts);

        public ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
        {
            foreach (var p in batch.Points)
            {
                _points.TryAdd((p.Series.Value, p.Timestamp.UtcTicks, p.Seq), 0);
            }

            Interlocked.Add(ref _parts, batch.Parts.Count);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RejectionListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _byReason = new(StringComparer.Ordinal);

        public RejectionListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "FactoryTwin.Telemetry" && instrument.Name == "factorytwin.telemetry.rejected")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string reason = "?";
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason")
                    {
                        reason = tag.Value?.ToString() ?? "?";
                    }
                }

                _byReason.AddOrUpdate(reason, value, (_, v) => v + value);
            });
            _listener.Start();
        }

        public long Total => _byReason.Values.Sum();

        public long Of(string reason) => _byReason.GetValueOrDefault(reason);

        public string Describe() => string.Join(", ", _byReason.Select(kv => $"{kv.Key}={kv.Value}"));

        public void Dispose() => _listener.Dispose();
    }
}
