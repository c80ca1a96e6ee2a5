using FactoryTwin.Historian.Hosting;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Historian;

/// <summary>Registers the historian with a host.</summary>
public static class HistorianServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HistorianOptions"/> (bound from the configuration section <see cref="HistorianOptions.SectionName"/>,
    /// then <paramref name="configure"/>, validated on start), one <see cref="IHistorian"/> singleton, the same instance as
    /// <see cref="ITelemetryStore"/> and <see cref="IAlarmHistory"/>, <see cref="TimeProvider.System"/> unless a clock is
    /// registered, and a hosted service that runs <see cref="IHistorian.MaintainAsync"/> every
    /// <see cref="HistorianOptions.MaintenanceIntervalMinutes"/>.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Sets options after configuration binding; optional.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHostApplicationBuilder AddHistorian(this IHostApplicationBuilder builder, Action<HistorianOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<HistorianOptions>().Bind(builder.Configuration.GetSection(HistorianOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HistorianOptions>, HistorianOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => HistorianFactory.Create(
            sp.GetRequiredService<IOptions<HistorianOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<ITelemetryStore>(sp => sp.GetRequiredService<IHistorian>());

        // Every historian HistorianFactory creates keeps the alarm history too.
        services.TryAddSingleton<IAlarmHistory>(sp => (IAlarmHistory)sp.GetRequiredService<IHistorian>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HistorianMaintenanceService>());
        return builder;
    }
}
