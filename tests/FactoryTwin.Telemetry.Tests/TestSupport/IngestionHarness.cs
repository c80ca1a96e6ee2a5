using FactoryTwin.Model.Plants;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>An embedded broker (when the options say so) and one ingestion service into an in-memory store, without a host.</summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private IngestionHarness(TelemetryOptions options, EmbeddedBroker broker, MqttIngestionService ingestion, InMemoryTelemetryStore store, TelemetryMetrics metrics)
    {
        Options = options;
        Broker = broker;
        Ingestion = ingestion;
        Store = store;
        Metrics = metrics;
    }

    public TelemetryOptions Options { get; }

    public EmbeddedBroker Broker { get; }

    public MqttIngestionService Ingestion { get; }

    public InMemoryTelemetryStore Store { get; }

    public TelemetryMetrics Metrics { get; }

    public int Port => Options.Port;

    public static async Task<IngestionHarness> StartAsync(Action<TelemetryOptions>? configure = null, InMemoryTelemetryStore? store = null, PlantModel? plant = null)
    {
        var options = new TelemetryOptions { Port = FreePort.Next(), ClientId = "ingest-" + Guid.NewGuid().ToString("N")[..8] };
        configure?.Invoke(options);
        var validation = new TelemetryOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var broker = new EmbeddedBroker(wrapped, NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(CancellationToken.None);
        store ??= new InMemoryTelemetryStore();
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

    public async ValueTask DisposeAsync()
    {
        await Ingestion.StopAsync(CancellationToken.None);
        Ingestion.Dispose();
        await Broker.DisposeAsync();
        Metrics.Dispose();
    }
}
