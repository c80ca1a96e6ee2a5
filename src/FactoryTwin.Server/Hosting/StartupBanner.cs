using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Logs where the plant clock starts, and prints the dashboard URL when the server has started and, on first run only,
/// the generated administrator password.
/// </summary>
internal static class StartupBanner
{
    public static void Register(WebApplication app, TextWriter? console)
    {
        var password = FactoryTwinServer.EnsureAdministrator(app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FactoryTwin.Server");
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        PlantClockSetup.LogStart(app.Services.GetService<PlantClockStart>(), logger);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var url = address.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal).TrimEnd('/') + "/";
                Log.Listening(logger, url);
                console?.WriteLine($"FactoryTwin dashboard: {url}");
            }

            if (password is not null)
            {
                // Shown once on the console, never logged; only its hash is stored.
                console?.WriteLine($"First run: created user '{options.AdminUser}' with password {password}");
                console?.WriteLine("Sign in and change it, or create other users; this password is not shown again.");
            }

            console?.Flush();
        });
    }
}
