using System.Reflection;
using FactoryTwin.Server.Hosting;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace FactoryTwin.Server;

/// <summary>
/// Builds and runs the FactoryTwin server: an Orleans silo, the embedded MQTT broker, the virtual plant, the historian,
/// the REST API, the SignalR hub and the dashboard, over HTTPS. Configuration is standard .NET configuration:
/// <c>appsettings.json</c> next to the executable, then <c>appsettings.json</c> in the working folder, environment
/// variables and command-line arguments (<c>--Server:Port=8443</c>); see docs/configuration.md.
/// </summary>
public static class FactoryTwinServer
{
    /// <summary>Creates the builder with every part of the server registered; a caller may change services before <see cref="Build"/>.</summary>
    /// <param name="args">Configuration arguments (<c>--Section:Key=value</c>).</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
            WebRootPath = PublishedWebRoot(AppContext.BaseDirectory),
            ApplicationName = StaticAssetsApplicationName(),
        });

        // Lowest priority: the appsettings.json shipped next to the executable.
        var shipped = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        };
        builder.Configuration.Sources.Insert(0, shipped);
        builder.WebHost.UseStaticWebAssets();
        builder.AddFactoryTwinServer();
        return builder;
    }

    /// <summary>
    /// The dashboard's static files (<c>_framework/blazor.web.js</c>, <c>_content/MudBlazor/…</c>) of a published
    /// executable: <c>wwwroot</c> beside it, when that folder exists. The content root is the working folder (relative
    /// paths such as <c>./data</c> resolve there), so without this a published <c>factorytwin</c> started from any other
    /// folder — a service unit's working directory, an installed tool — would answer 404 for every dashboard asset. A
    /// build output has no such folder and serves them through the static web assets manifest instead.
    /// </summary>
    /// <param name="baseDirectory">The executable's folder.</param>
    /// <returns>The folder, or <see langword="null"/> for the default (<c>wwwroot</c> in the content root).</returns>
    internal static string? PublishedWebRoot(string baseDirectory)
    {
        var webRoot = Path.Combine(baseDirectory, "wwwroot");
        return Directory.Exists(webRoot) ? webRoot : null;
    }

    /// <summary>
    /// The application name selects the static web assets manifest (<c>{name}.staticwebassets.runtime.json</c> next to
    /// the executable). A web executable such as <c>factorytwin</c> has its own, listing the Blazor framework script
    /// (<c>_framework/blazor.web.js</c>) as well as the files of every referenced library (MudBlazor's under
    /// <c>_content/</c>); any other host falls back to this library's manifest, which lists the libraries' files only.
    /// </summary>
    private static string StaticAssetsApplicationName()
    {
        var entry = Assembly.GetEntryAssembly()?.GetName().Name;
        return entry is not null && File.Exists(Path.Combine(AppContext.BaseDirectory, entry + ".staticwebassets.runtime.json"))
            ? entry
            : typeof(FactoryTwinServer).Assembly.GetName().Name!;
    }

    /// <summary>Builds the application: the middleware pipeline and endpoints, and the first-run administrator.</summary>
    /// <param name="builder">The builder from <see cref="CreateBuilder"/>.</param>
    /// <param name="console">Where the dashboard URL and a first-run password are printed; <see langword="null"/> for the log only.</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Build(WebApplicationBuilder builder, TextWriter? console = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseFactoryTwinServer();
        StartupBanner.Register(app, console);
        return app;
    }

    /// <summary>
    /// Runs the server until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop (Ctrl-C,
    /// SIGTERM). Nothing starts when a port it listens on is held by another program.
    /// </summary>
    /// <param name="args">Configuration arguments.</param>
    /// <param name="console">Where the dashboard URL and a first-run password are printed.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    /// <exception cref="IOException">A port the server listens on is in use (the message names it and its setting).</exception>
    public static async Task RunAsync(string[] args, TextWriter console, CancellationToken cancellationToken = default)
    {
        var builder = CreateBuilder(args);
        await using var app = Build(builder, console);
        if (PortCheck.InUse(app.Services) is { Count: > 0 } taken)
        {
            throw new IOException(PortCheck.Describe(taken));
        }

        await app.RunAsync(cancellationToken);
    }

    /// <summary>Creates the administrator on first run.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The generated password, or <see langword="null"/> when an administrator existed.</returns>
    internal static string? EnsureAdministrator(IServiceProvider services)
    {
        var store = services.GetRequiredService<ISecurityStore>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value;
        return store.EnsureAdministrator(options.AdminUser);
    }
}
