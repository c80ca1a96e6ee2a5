using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>
/// Ingestion without a host, wired as AddTelemetry wires it: the pipeline into an in-memory store or a given one (a
/// historian), and either the embedded broker feeding it (the default) or, with <see cref="TelemetryBrokerMode.External"/>,
/// the ingesting client of an external broker (mosquitto).
/// </summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private readonly ITelemetryStore _store;

    private IngestionHarness(TelemetryOptions options, IngestionPipeline pipeline, EmbeddedBroker broker, MqttIngestionService ingestion, ITelemetryStore store, TelemetryMetrics metrics)
    {
        Options = options;
        Pipeline = pipeline;
        Broker = broker;
        Ingestion = ingestion;
        _store = store;
        Metrics = metrics;
    }

    public TelemetryOptions Options { get; }

    public IngestionPipeline Pipeline { get; }

    public EmbeddedBroker Broker { get; }

    public MqttIngestionService Ingestion { get; }

    /// <summary>Gets the in-memory store; only for a harness started without a store of its own.</summary>
    public InMemoryTelemetryStore Store => _store as InMemoryTelemetryStore ?? throw new InvalidOperationException("this harness writes into " + _store.GetType().Name);

    public TelemetryMetrics Metrics { get; }

    public int Port => Options.Port;

    public static Task<IngestionHarness> StartAsync(Action<TelemetryOptions>? configure = null, InMemoryTelemetryStore? store = null, PlantModel? plant = null, IEnumerable<ITelemetryBatchObserver>? observers = null) =>
        StartAsync(store ?? new InMemoryTelemetryStore(), configure, plant, observers);

    /// <summary>Starts ingestion into <paramref name="store"/> (which the caller disposes).</summary>
    public static async Task<IngestionHarness> StartAsync(ITelemetryStore store, Action<TelemetryOptions>? configure = null, PlantModel? plant = null, IEnumerable<ITelemetryBatchObserver>? observers = null)
    {
        var options = new TelemetryOptions { Port = FreePorts.Next(), ClientId = "ingest-" + Guid.NewGuid().ToString("N")[..8] };
        configure?.Invoke(options);
        var validation = new TelemetryOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var metrics = new TelemetryMetrics();
        var pipeline = new IngestionPipeline(wrapped, plant ?? TestPlants.Automotive, store, TimeProvider.System, TimeProvider.System, metrics, NullLogger<IngestionPipeline>.Instance, observers);
        await pipeline.StartAsync(CancellationToken.None);
        var broker = new EmbeddedBroker(wrapped, NullLogger<EmbeddedBroker>.Instance, pipeline, telemetryMetrics: metrics);
        await broker.StartAsync(CancellationToken.None);
        var ingestion = new MqttIngestionService(wrapped, pipeline, TimeProvider.System, metrics, NullLogger<MqttIngestionService>.Instance);
        await ingestion.StartAsync(CancellationToken.None);
        var harness = new IngestionHarness(options, pipeline, broker, ingestion, store, metrics);
        await harness.WaitConnectedAsync();
        return harness;
    }

    /// <summary>With an external broker, waits until the ingesting client is connected and subscribed.</summary>
    public async Task WaitConnectedAsync()
    {
        if (!Ingestion.IsActive)
        {
            return;
        }

        await Poll.UntilAsync(() => Ingestion.IsConnected && Ingestion.IsSubscribed, TimeSpan.FromSeconds(20), () => "the ingesting client is not connected and subscribed");
    }

    public async ValueTask DisposeAsync()
    {
        await Ingestion.StopAsync(CancellationToken.None);
        Ingestion.Dispose();
        await Broker.DisposeAsync();
        await Pipeline.StopAsync(CancellationToken.None);
        Pipeline.Dispose();
        Metrics.Dispose();
    }
}
