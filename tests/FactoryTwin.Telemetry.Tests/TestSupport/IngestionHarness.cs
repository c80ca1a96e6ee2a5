using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>An embedded broker (when the options say so) and one ingestion service into an in-memory store or a given one (a historian), without a host.</summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private readonly ITelemetryStore _store;

    private IngestionHarness(TelemetryOptions options, EmbeddedBroker broker, MqttIngestionService ingestion, ITelemetryStore store, TelemetryMetrics metrics)
    {
        Options = options;
        Broker = broker;
        Ingestion = ingestion;
        _store = store;
        Metrics = metrics;
    }

    public TelemetryOptions Options { get; }

    public EmbeddedBroker Broker { get; }

    public MqttIngestionService Ingestion { get; }

    /// <summary>Gets the in-memory store; only for a harness started without a store of its own.</summary>
    public InMemoryTelemetryStore Store => _store as InMemoryTelemetryStore ?? throw new InvalidOperationException("this harness writes into " + _store.GetType().Name);

    public TelemetryMetrics Metrics { get; }

    public int Port => Options.Port;

    public static Task<IngestionHarness> StartAsync(Action<TelemetryOptions>? configure = null, InMemoryTelemetryStore? store = null, PlantModel? plant = null) =>
        StartAsync(store ?? new InMemoryTelemetryStore(), configure, plant);

    /// <summary>Starts ingestion into <paramref name="store"/> (which the caller disposes).</summary>
    public static async Task<IngestionHarness> StartAsync(ITelemetryStore store, Action<TelemetryOptions>? configure = null, PlantModel? plant = null)
    {
        var options = new TelemetryOptions { Port = FreePort.Next(), ClientId = "ingest-" + Guid.NewGuid().ToString("N")[..8] };
        configure?.Invoke(options);
        var validation = new TelemetryOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var broker = new EmbeddedBroker(wrapped, NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(CancellationToken.None);
        var metrics = new TelemetryMetrics();
        var ingestion = new MqttIngestionService(wrapped, plant ?? TestPlants.Automotive, store, TimeProvider.System, metrics, NullLogger<MqttIngestionService>.Instance);
        await ingestion.StartAsync(CancellationToken.None);
        var harness = new IngestionHarness(options, broker, ingestion, store, metrics);
        await harness.WaitConnectedAsync();
        return harness;
    }

    public async Task WaitConnectedAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!Ingestion.IsConnected || !Ingestion.IsSubscribed)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cts.Token);
        }
    }

    /// <summary>Waits until a condition on the metrics (or anything else) holds, checking every 20 ms.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"condition not met within {timeout}: {describe()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ingestion.StopAsync(CancellationToken.None);
        Ingestion.Dispose();
        await Broker.DisposeAsync();
        Metrics.Dispose();
    }
}
