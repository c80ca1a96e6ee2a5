using System.Net;
using System.Threading.RateLimiting;
using FactoryTwin.Historian;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Mes;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Settings;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.Validation;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.VirtualPlant;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using OpenTelemetry.Metrics;

namespace FactoryTwin.Server.Hosting;

/// <summary>Registers every part of the server; each module plugs in with one line.</summary>
internal static class ServerBuilderExtensions
{
    /// <summary>The MQTT over TLS port of the embedded broker unless configured.</summary>
    public const int DefaultMqttTlsPort = 8883;

    public static WebApplicationBuilder AddFactoryTwinServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var section = configuration.GetSection(ServerOptions.SectionName);
        var options = section.Get<ServerOptions>() ?? new ServerOptions();
        services.AddOptions<ServerOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownSeconds));

        // Cluster mode: the shared database's schema first, then everything below keeps its state there.
        var cluster = options.Cluster == ClusterMode.Postgres ? builder.AddFactoryTwinCluster(options) : null;

        // Logging: text or JSON lines; ASP.NET Core's own information logs are noise for an operator.
        if (options.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("FactoryTwin.Server.Security.BearerTokenHandler", LogLevel.Warning);

        // The plant, and the certificate for HTTPS and MQTT over TLS.
        var plantPath = PlantFile.PathOf(options);
        var (plant, plantSource) = PlantFile.Load(plantPath);
        services.AddSingleton(plant);
        services.AddSingleton(plantSource);
        services.AddSingleton<PlantView>();
        builder.AddPlantClock(options, plant);
        var certificate = ServerCertificate.LoadOrCreate(options, TimeProvider.System, out _);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            void Https(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen) => listen.UseHttps(certificate);
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.Listen(IPAddress.Loopback, options.Port, Https);
            }
            else if (options.Host is "*" or "0.0.0.0")
            {
                kestrel.Listen(IPAddress.Any, options.Port, Https);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port, Https);
            }
        });

        // Modules: historian, telemetry (embedded broker with device authentication), live twin on Orleans.
        // Every module keeps its files in the server's data folder unless its own DataFolder is set.
        builder.AddHistorian();
        services.AddOptions<HistorianOptions>()
            .PostConfigure(o => o.DataFolder = configuration["Historian:DataFolder"] ?? options.DataFolder);

        // The server's default TLS port is set before AddTelemetry binds the section over it.
        services.Configure<TelemetryOptions>(o => o.TlsPort = DefaultMqttTlsPort);
        builder.AddTelemetry();
        services.AddOptions<TelemetryOptions>()
            .PostConfigure<InternalBrokerCredentials>((o, credentials) =>
            {
                o.TlsCertificate ??= certificate;
                o.RequireDeviceAuthentication = options.DeviceAuthentication && o.Broker == TelemetryBrokerMode.Embedded;
                if (o.RequireDeviceAuthentication && o.UserName is null)
                {
                    o.UserName = o.ClientId;
                    o.Password = credentials.Password;
                }
            });
        services.AddSingleton<InternalBrokerCredentials>();
        services.AddSingleton<IMqttClientAuthenticator, DeviceAuthenticator>();
        builder.AddFactoryTwinSilo(options);
        if (options.Emulator)
        {
            builder.AddVirtualPlant();
            services.AddOptions<VirtualPlantOptions>().PostConfigure<IOptions<TelemetryOptions>, InternalBrokerCredentials>((o, telemetry, credentials) =>
            {
                // The emulator publishes to this host's broker unless told otherwise, with the in-process credentials.
                if (configuration["VirtualPlant:Port"] is null)
                {
                    o.Port = telemetry.Value.Port;
                }

                if (configuration["VirtualPlant:Host"] is null)
                {
                    o.Host = LocalBrokerAddress.For(telemetry.Value.Host);
                }

                foreach (var gateway in plant.Gateways)
                {
                    o.Passwords.TryAdd(gateway.Id.Value, credentials.Password);
                }
            });
        }

        // Live state, push and the twin gateway.
        services.AddSingleton<LiveStateReader>();
        services.AddSingleton<IngestionCounters>();
        services.AddSingleton<ServerMetrics>();
        services.TryAddSingleton<ITwinGateway, OrleansTwinGateway>();

        // MES: the active schedule (data folder mes/, or the cluster's database), plan versus actual and the performance export.
        builder.AddFactoryTwinMes(cluster);

        // Run-time settings (settings.json, or the cluster's database), read by the live twin at each forecast.
        if (cluster is null)
        {
            services.AddSingleton<RuntimeSettingsStore>();
        }
        else
        {
            services.AddSingleton(sp => new RuntimeSettingsStore(
                new PostgresRuntimeSettingsBacking(cluster), sp.GetRequiredService<IOptions<TwinOptions>>(), sp.GetRequiredService<PlantModel>()));
        }

        services.AddSingleton<ITwinRuntimeSettings>(sp => sp.GetRequiredService<RuntimeSettingsStore>());
        services.AddSignalR();
        services.AddSingleton<LiveViews>();
        services.AddSingleton<Api.AnalysisRuns>();
        services.AddSingleton<Fitting.PlantFits>();
        services.AddHostedService(static sp => sp.GetRequiredService<LiveViews>());
        services.AddHostedService<LivePushService>();

        // Security: in a cluster, users, sessions, keys and the audit log are shared through the database.
        if (cluster is null)
        {
            services.AddSingleton<ISecurityStore, SecurityStore>();
            services.AddSingleton<AuditLog>();
            services.AddFactoryTwinKeyRing(options);
        }
        else
        {
            services.AddSingleton<ISecurityStore, PostgresSecurityStore>();
            services.AddSingleton(sp => new AuditLog(new PostgresAuditTrail(cluster), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AuditLog>>()));
            services.AddFactoryTwinClusterKeyRing(cluster, options.Orleans.ServiceId);

            // Nodes that split the device stream with a shared subscription count sequence gaps in one shared window.
            if (!string.IsNullOrWhiteSpace(configuration["Telemetry:SharedSubscriptionGroup"]))
            {
                services.AddSingleton<IPublisherSequenceLedger, GrainSequenceLedger>();
            }
        }

        services.AddSingleton<PasswordLockout>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddFactoryTwinAuthentication();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-factorytwin-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        services.AddRateLimiter(o => ConfigureRateLimits(o, options));

        // Errors: RFC 9457 problem details for every error. Binding failures are thrown so that the exception handler
        // answers 400 with a detail naming the parameter or body field (left to the framework, the detail is empty).
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Operations and documentation.
        services.AddHealthChecks()
            .AddCheck<HistorianHealthCheck>("historian", tags: ["ready"])
            .AddCheck<BrokerHealthCheck>("mqtt-broker", tags: ["ready"])
            .AddCheck<IngestionHealthCheck>("telemetry-ingestion", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("FactoryTwin.*")
            .AddMeter("Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        services.AddOpenApi();

        // Dashboard.
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddFactoryTwinDashboard(configuration);
        return builder;
    }

    public static WebApplication UseFactoryTwinServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        // The API reference works offline: its script is served by the server and it loads no web fonts.
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, o => o.DefaultFonts = false);
        app.MapFactoryTwinApi();
        app.MapAccount();
        app.MapHub<TwinHub>(TwinHub.Path);
        // frame-ancestors is already 'none' in the security headers' policy; Blazor's own header would duplicate it.
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    // Refused sign-ins and password changes are attempts on credentials: the audit log shows them (coalesced per client
    // and minute, so a flood of 429s is not a flood of log lines).
    private static void AuditRejection(HttpContext context)
    {
        var path = context.Request.Path;
        var kind = path.Equals("/account/signin", StringComparison.OrdinalIgnoreCase) ? "sign-in-throttled"
            : path.Equals(ApiCatalog.Prefix + ApiCatalog.PasswordChange.Route, StringComparison.OrdinalIgnoreCase) ? "password-change-throttled"
            : null;
        if (kind is not null)
        {
            context.RequestServices.GetRequiredService<AuditLog>()
                .RecordThrottled(kind, context.User.Identity?.Name, context.Request.Method + " " + path, context);
        }
    }

    private static void ConfigureRateLimits(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions o, ServerOptions options)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            AuditRejection(context.HttpContext);
            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Wait a minute and try again." },
            });
        };
        o.AddPolicy(AccountEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.AddPolicy(PasswordEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            "user:" + context.User.Identity?.Name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.AddPolicy(ApiRouteBuilderExtensions.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.IsAuthenticated == true
                ? "user:" + context.User.Identity.Name
                : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
