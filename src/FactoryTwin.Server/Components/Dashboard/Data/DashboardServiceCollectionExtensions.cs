using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Registers the dashboard's data services.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDashboardData"/> over the twin grains and the historian (needs <c>IGrainFactory</c>,
    /// <c>IHistorian</c> and the <c>PlantModel</c> in the container), <see cref="IDashboardSchedule"/> over the MES
    /// interface's plan versus actual (needs the MES services, <c>AddFactoryTwinMes</c>), the Fits page's plant fits over
    /// the fit endpoint's <c>PlantFits</c> (registered by the server), and binds
    /// <see cref="DashboardOptions"/> to the <c>Dashboard</c> section. Registrations made before are kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration, or <see langword="null"/> for the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFactoryTwinDashboard(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IDashboardData, TwinDashboardData>();
        services.TryAddSingleton<IDashboardSchedule, MesDashboardSchedule>();
        services.TryAddSingleton<IDashboardFits, PlantDashboardFits>();
        var options = services.AddOptions<DashboardOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(DashboardOptions.Section));
        }

        return services;
    }
}
