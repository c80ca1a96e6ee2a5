using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.Ingestion;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry;

/// <summary>Registers telemetry ingestion with a host.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds telemetry ingestion: the pipeline that validates messages against the plant model and commits them to the
    /// store, and either the embedded MQTT broker that feeds it directly and acknowledges devices only after the commit
    /// (when <see cref="TelemetryOptions.Broker"/> is <see cref="TelemetryBrokerMode.Embedded"/>) or the ingesting client of
    /// an external broker. <see cref="ITelemetryIngestionStatus"/> reports how ingestion is doing. The host must register the <see cref="Model.Plants.PlantModel"/> and an
    /// <see cref="Model.Telemetry.ITelemetryStore"/>; options are bound from the configuration section
    /// <see cref="TelemetryOptions.SectionName"/>, then <paramref name="configure"/>, and validated at start-up.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Sets options after configuration binding, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, Action<TelemetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Timestamps are checked against the plant's clock: the host's clock unless the host registers a plant clock.
        services.TryAddKeyedSingleton<TimeProvider>(PlantClock.ServiceKey, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<TelemetryMetrics>();
        services.TryAddSingleton<SequenceLedgerForwarder>();
        services.TryAddSingleton<IngestionPipeline>();
        services.TryAddSingleton<ITelemetryIngestionStatus>(static sp => sp.GetRequiredService<IngestionPipeline>());
        services.TryAddSingleton<EmbeddedBroker>();
        services.TryAddSingleton<MqttIngestionService>();

        // Started in this order and stopped in reverse: the pipeline's writer runs before the broker takes the first
        // message and until the broker has closed; the broker starts before an ingesting client connects to it. The
        // broker's stop begins, before any service stops, by committing and acknowledging what it took.
        services.AddHostedService(static sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddHostedService(static sp => sp.GetRequiredService<EmbeddedBroker>());
        services.AddHostedService(static sp => sp.GetRequiredService<MqttIngestionService>());
        // Idle unless the host registers an IPublisherSequenceLedger (cluster mode with a shared subscription).
        services.AddHostedService(static sp => sp.GetRequiredService<SequenceLedgerForwarder>());
        return builder;
    }
}
