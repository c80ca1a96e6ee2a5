using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant;

/// <summary>Registers the virtual plant with a host.</summary>
public static class VirtualPlantServiceCollectionExtensions
{
    /// <summary>
    /// Adds the virtual plant as a hosted service, with <see cref="VirtualPlantOptions"/> bound from the configuration
    /// section <c>VirtualPlant</c> and validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (the section is read from it).</param>
    /// <param name="configure">Sets options after binding, or <see langword="null"/>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddVirtualPlant(this IServiceCollection services, IConfiguration configuration, Action<VirtualPlantOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<VirtualPlantOptions>().Bind(configuration.GetSection(VirtualPlantOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VirtualPlantOptions>, VirtualPlantOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(VirtualPlantOptions.ClockKey, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<VirtualPlantHostedService>();
        services.AddHostedService(static sp => sp.GetRequiredService<VirtualPlantHostedService>());
        return services;
    }
}
