using FactoryTwin.Historian.Hosting;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Historian;

/// <summary>Registers the historian in a service collection.</summary>
public static class HistorianServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HistorianOptions"/> (validated on start), one <see cref="IHistorian"/> singleton, the same
    /// instance as <see cref="ITelemetryStore"/>, <see cref="TimeProvider.System"/> unless a clock is registered, and a
    /// hosted service that runs <see cref="IHistorian.MaintainAsync"/> every
    /// <see cref="HistorianOptions.MaintenanceIntervalMinutes"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options after configuration binding; optional.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddHistorian(this IServiceCollection services, Action<HistorianOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<HistorianOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HistorianOptions>, HistorianOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => HistorianFactory.Create(
            sp.GetRequiredService<IOptions<HistorianOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<ITelemetryStore>(sp => sp.GetRequiredService<IHistorian>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HistorianMaintenanceService>());
        return services;
    }
}
