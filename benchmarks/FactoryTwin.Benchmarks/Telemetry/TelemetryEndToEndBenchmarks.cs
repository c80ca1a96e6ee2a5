using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryTwin.Benchmarks.Telemetry;

/// <summary>
/// End to end on one machine: a plain MQTTnet publisher (client id gw-paint, 256 QoS 1 publishes in flight) → embedded
/// broker → ingestion (validation, batching, manual PUBACK after commit) → an in-memory store that records when each
/// message's points were committed. One op publishes <see cref="Messages"/> messages and waits for the last commit.
/// points/s = Messages × ValuesPerMessage / op time; p50/p99 publish→commit latency is printed as a LATENCY line.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TelemetryEndToEndBenchmarks : IDisposable
{
    private const int InFlight = 256;
    private readonly List<double> _latencies = [];
    private EmbeddedBroker _broker = null!;
    private MqttIngestionService _ingestion = null!;
    private IMqttClient _publisher = null!;
    private LatencyStore _store = null!;
    private byte[][] _payloads = [];
    private long _seq;

    /// <summary>Gets or sets the values per message: 1 (one value per message) or 20 (a batching gateway).</summary>
    [Params(1, 20)]
    public int ValuesPerMessage { get; set; }

    /// <summary>Gets or sets the messages per op.</summary>
    [Params(20_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var port = 20000 + (Environment.ProcessId % 20000);
        var options = Options.Create(new TelemetryOptions { Port = port, ClientId = "bench-ingest", MaxAge = TimeSpan.FromDays(3650) });
        _broker = new EmbeddedBroker(options, NullLogger<EmbeddedBroker>.Instance);
        _broker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _store = new LatencyStore();
        _ingestion = new MqttIngestionService(options, TelemetryBenchmarkData.LoadPlant(), _store, TimeProvider.System, new TelemetryMetrics(), NullLogger<MqttIngestionService>.Instance);
        _ingestion.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        while (!_ingestion.IsSubscribed)
        {
            Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System).GetAwaiter().GetResult();
        }

        _publisher = new MqttClientFactory().CreateMqttClient();
        _publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("gw-paint")
            .WithProtocolVersion(MqttProtocolVersion.V500).Build()).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void PreparePayloads()
    {
        // Payloads are built outside the measured op; timestamps are now, so none is too old.
        var t0 = TimeProvider.System.GetUtcNow();
        _payloads = new byte[Messages][];
        _store.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _payloads[i] = System.Text.Encoding.UTF8.GetBytes(TelemetryBenchmarkData.Measure(++_seq, t0.AddMilliseconds(-i), ValuesPerMessage));
        }
    }

    [Benchmark]
    public async Task PublishToCommit()
    {
        var first = _seq - Messages + 1;
        var published = new long[Messages];
        var next = -1;
        async Task LaneAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Messages)
            {
                published[i] = Stopwatch.GetTimestamp();
                var message = new MqttApplicationMessageBuilder().WithTopic(TelemetryBenchmarkData.Topic).WithPayload(_payloads[i])
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                await _publisher.PublishAsync(message);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(LaneAsync)));
        await _store.AllCommitted.Task.WaitAsync(TimeSpan.FromMinutes(2));
        for (var i = 0; i < Messages; i++)
        {
            _latencies.Add(Stopwatch.GetElapsedTime(published[i], _store.CommittedAt(first + i)).TotalMilliseconds);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latencies.Sort();
        if (_latencies.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"LATENCY values/msg={ValuesPerMessage} n={_latencies.Count} p50={_latencies[_latencies.Count / 2]:F2} ms p99={_latencies[(int)(_latencies.Count * 0.99)]:F2} ms"));
        }

        _publisher.DisconnectAsync().GetAwaiter().GetResult();
        _publisher.Dispose();
        _ingestion.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        Dispose();
    }

    public void Dispose()
    {
        _ingestion?.Dispose();
        _broker?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>Records, per seq, when its batch committed; completes when every message of the op is committed.</summary>
    private sealed class LatencyStore : ITelemetryStore
    {
        private readonly Dictionary<long, long> _committed = [];
        private int _remaining;

        public TaskCompletionSource AllCommitted { get; private set; } = new();

        public void Reset(int messages)
        {
            _committed.Clear();
            _remaining = messages;
            AllCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public long CommittedAt(long seq) => _committed[seq];

        public ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var p in batch.Points)
            {
                if (_committed.TryAdd(p.Seq, now) && --_remaining == 0)
                {
                    AllCommitted.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
