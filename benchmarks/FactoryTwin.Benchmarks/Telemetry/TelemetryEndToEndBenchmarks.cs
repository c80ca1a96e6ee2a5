using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FactoryTwin.Historian;
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
/// End to end as a device sees it, on one machine: <see cref="Gateways"/> plain MQTTnet gateway clients (gw-paint on the
/// e-coat oven, gw-body on the respot welder; <see cref="InFlightPerGateway"/> QoS 1 publishes in flight each) → the
/// embedded broker → the ingestion pipeline (validation, group commit) → the DuckDB historian in a file on disk → the
/// device's own PUBACK, which leaves only after the commit. One op publishes <see cref="Messages"/> messages and ends when
/// the last PUBACK is back. msg/s = Messages / op time, points/s = × ValuesPerMessage; the p50/p99 publish→PUBACK
/// latency is printed as a LATENCY line. Timestamps rise per series, as a plant's do.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TelemetryEndToEndBenchmarks : IDisposable
{
    private const int Gateways = 2;
    private const int InFlightPerGateway = 128;
    private static readonly string[] Ids = ["gw-paint", "gw-body"];
    private static readonly string[] Topics = [TelemetryBenchmarkData.Topic, "factorytwin/v1/lakeside/body/respot/measure"];
    private static readonly string[][] SensorsOf = [TelemetryBenchmarkData.Sensors, ["respot-weld-current"]];
    private readonly List<double> _latencies = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-bench-" + Guid.NewGuid().ToString("N"));
    private IHistorian _historian = null!;
    private IngestionPipeline _pipeline = null!;
    private EmbeddedBroker _broker = null!;
    private readonly IMqttClient[] _clients = new IMqttClient[Gateways];
    private byte[][][] _payloads = [];
    private DateTimeOffset _origin;
    private long _seq;

    /// <summary>Gets or sets the values per message: 1 (one value per message) or 20 (a batching gateway).</summary>
    [Params(1, 20)]
    public int ValuesPerMessage { get; set; }

    /// <summary>
    /// Gets or sets the historian's commit interval in milliseconds: 0 gives each group commit its own DuckDB transaction,
    /// 1000 (the default) writes it to the commit journal and DuckDB once a second.
    /// </summary>
    [Params(0, 1000)]
    public int CommitIntervalMs { get; set; }

    /// <summary>Gets or sets the messages per op, shared between the gateways.</summary>
    [Params(20_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        var port = 20000 + (Environment.ProcessId % 20000);
        var options = Options.Create(new TelemetryOptions { Port = port, MaxAge = TimeSpan.FromDays(2) });
        _historian = HistorianFactory.Create(new HistorianOptions { DataFolder = _folder, FileName = "bench.duckdb", CommitInterval = TimeSpan.FromMilliseconds(CommitIntervalMs) });
        _pipeline = new IngestionPipeline(options, TelemetryBenchmarkData.LoadPlant(), _historian, TimeProvider.System, TimeProvider.System, new TelemetryMetrics(), NullLogger<IngestionPipeline>.Instance);
        _pipeline.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _broker = new EmbeddedBroker(options, NullLogger<EmbeddedBroker>.Instance, _pipeline);
        _broker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        for (var g = 0; g < Gateways; g++)
        {
            _clients[g] = new MqttClientFactory().CreateMqttClient();
            _clients[g].ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(Ids[g])
                .WithProtocolVersion(MqttProtocolVersion.V500).Build()).GetAwaiter().GetResult();
        }

        // Plant time starts a day back and rises 20 ms per message, so nothing is too old or in the future.
        _origin = TimeProvider.System.GetUtcNow().AddHours(-23);
    }

    [IterationSetup]
    public void PreparePayloads()
    {
        // Payloads are built outside the measured op.
        _payloads = new byte[Gateways][][];
        for (var g = 0; g < Gateways; g++)
        {
            _payloads[g] = new byte[Messages / Gateways][];
            for (var i = 0; i < _payloads[g].Length; i++)
            {
                var seq = ++_seq;
                _payloads[g][i] = System.Text.Encoding.UTF8.GetBytes(Measure(seq, _origin.AddMilliseconds(seq * 20), SensorsOf[g]));
            }
        }
    }

    [Benchmark]
    public async Task PublishToDurablePuback()
    {
        var perGateway = Messages / Gateways;
        var latencies = new double[Gateways][];
        async Task GatewayAsync(int g)
        {
            latencies[g] = new double[perGateway];
            var next = -1;
            async Task LaneAsync()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < perGateway)
                {
                    var started = Stopwatch.GetTimestamp();
                    var message = new MqttApplicationMessageBuilder().WithTopic(Topics[g]).WithPayload(_payloads[g][i])
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                    var result = await _clients[g].PublishAsync(message);
                    if (!result.IsSuccess)
                    {
                        throw new InvalidOperationException($"{Ids[g]} message {i} was refused: {result.ReasonCode} {result.ReasonString}");
                    }

                    latencies[g][i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            await Task.WhenAll(Enumerable.Range(0, InFlightPerGateway).Select(_ => Task.Run(LaneAsync)));
        }

        await Task.WhenAll(Enumerable.Range(0, Gateways).Select(GatewayAsync));
        foreach (var l in latencies)
        {
            _latencies.AddRange(l);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latencies.Sort();
        if (_latencies.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"LATENCY values/msg={ValuesPerMessage} gateways={Gateways} n={_latencies.Count} p50={_latencies[_latencies.Count / 2]:F2} ms p99={_latencies[(int)(_latencies.Count * 0.99)]:F2} ms"));
        }

        foreach (var client in _clients)
        {
            client.DisconnectAsync().GetAwaiter().GetResult();
            client.Dispose();
        }

        Dispose();
    }

    public void Dispose()
    {
        _broker?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _pipeline?.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _pipeline?.Dispose();
        _historian?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A measure message of <see cref="ValuesPerMessage"/> values cycling over <paramref name="sensors"/>, 1 ms apart per round.</summary>
    private string Measure(long seq, DateTimeOffset ts, string[] sensors)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""{"ts":"{{TelemetryBenchmarkData.Ts(ts)}}","seq":{{seq}},"values":[""");
        for (var i = 0; i < ValuesPerMessage; i++)
        {
            var at = ts.AddMilliseconds(i / sensors.Length);
            sb.Append(i == 0 ? string.Empty : ",");
            sb.Append(CultureInfo.InvariantCulture, $$"""{"sensor":"{{sensors[i % sensors.Length]}}","value":{{5 + (i % 7) * 0.5}},"ts":"{{TelemetryBenchmarkData.Ts(at)}}"}""");
        }

        return sb.Append("]}").ToString();
    }
}
