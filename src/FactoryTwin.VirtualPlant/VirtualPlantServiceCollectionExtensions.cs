using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant;

/// <summary>Registers the virtual plant with a host.</summary>
public static class VirtualPlantServiceCollectionExtensions
{
    /// <summary>
    /// Adds the virtual plant as a hosted service, with <see cref="VirtualPlantOptions"/> bound from the configuration
    /// section <see cref="VirtualPlantOptions.SectionName"/> of the host's configuration, then <paramref name="configure"/>,
    /// and validated at start-up.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Sets options after binding, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHostApplicationBuilder AddVirtualPlant(this IHostApplicationBuilder builder, Action<VirtualPlantOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<VirtualPlantOptions>().Bind(builder.Configuration.GetSection(VirtualPlantOptions.SectionName));
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
        return builder;
    }
}
