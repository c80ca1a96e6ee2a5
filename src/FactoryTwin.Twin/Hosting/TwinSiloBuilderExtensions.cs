using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Feeding;
using FactoryTwin.Twin.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace FactoryTwin.Twin.Hosting;

/// <summary>Adds the live twin to a host's Orleans silo.</summary>
public static class TwinSiloBuilderExtensions
{
    /// <summary>
    /// Adds the twin grains, their storage (<see cref="TwinOptions.StorageName"/>: files under the data folder, or ADO.NET
    /// on PostgreSQL), the change feed (<see cref="ITwinChangeFeed"/>) and the telemetry observer that feeds committed
    /// batches to the twins (<see cref="ITelemetryBatchObserver"/>) to the host's silo (<c>UseOrleans</c>, which reuses one
    /// silo builder however often it is called). Options come from the configuration section
    /// <see cref="TwinOptions.SectionName"/>, then <paramref name="configure"/>; they are validated here, so a bad
    /// configuration fails at start-up. The host must register the <see cref="PlantModel"/> and configure clustering in
    /// its own <c>UseOrleans</c> call (how silos find each other is the host's choice, not the twin's).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Sets options after configuration binding; optional.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public static IHostApplicationBuilder AddFactoryTwin(this IHostApplicationBuilder builder, Action<TwinOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseOrleans runs the delegate at once, on the one silo builder of this host, so a bad option throws here.
        builder.UseOrleans(silo => silo.AddFactoryTwin(configure));
        return builder;
    }

    /// <summary>
    /// Adds the twin to a silo builder; <see cref="AddFactoryTwin(IHostApplicationBuilder, Action{TwinOptions}?)"/> for
    /// hosts. Internal for Orleans' test clusters, whose silos are configured through <c>ISiloConfigurator</c> and have no
    /// host builder.
    /// </summary>
    internal static ISiloBuilder AddFactoryTwin(this ISiloBuilder builder, Action<TwinOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new TwinOptions();
        builder.Configuration?.GetSection(TwinOptions.SectionName).Bind(options);
        configure?.Invoke(options);
        var errors = TwinOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(TwinOptions.SectionName, typeof(TwinOptions), errors);
        }

        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(TwinOptions.ClockKey, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(sp => new PlantIndex(sp.GetRequiredService<PlantModel>()));
        services.TryAddSingleton<TwinChangeHub>();
        services.TryAddSingleton<Alarms.AlarmHistoryWriter>();
        services.TryAddSingleton<Plants.ShiftForecasterHolder>();
        services.TryAddSingleton<Plants.WhatIfExperiments>();
        services.TryAddSingleton<Plants.IClusterWhatIf, Plants.ClusterWhatIf>();
        services.AddPlacementDirector<Plants.SlotPlacement, Plants.SlotPlacementDirector>();
        services.TryAddSingleton<ITwinChangeFeed>(sp => sp.GetRequiredService<TwinChangeHub>());
        services.TryAddSingleton<ITwinRuntimeSettings, TwinOptionsRuntimeSettings>();
        services.TryAddSingleton<SiloReadiness>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<SiloReadiness>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITelemetryBatchObserver, TwinTelemetryObserver>());

        if (options.Storage == TwinStorageProvider.Postgres)
        {
            builder.AddAdoNetGrainStorage(TwinOptions.StorageName, o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = options.ConnectionString;
            });

            // Twins of one service live on any node of the cluster: their change notices cross the nodes.
            services.TryAddSingleton<PostgresChangeRelay>();
            services.AddHostedService(static sp => sp.GetRequiredService<PostgresChangeRelay>());
        }
        else
        {
            services.AddGrainStorage(TwinOptions.StorageName, static (sp, _) =>
            {
                var folder = sp.GetRequiredService<IOptions<TwinOptions>>().Value.GetGrainStateFolder();
                Log.StorageOpened(sp.GetService<ILogger<FileGrainStorage>>() ?? (ILogger)NullLogger.Instance, folder);
                return new FileGrainStorage(folder, sp.GetRequiredService<Serializer>());
            });
        }

        return builder;
    }

    /// <summary>The ADO.NET invariant name of the PostgreSQL driver (Npgsql).</summary>
    public const string PostgresInvariant = "Npgsql";
}
