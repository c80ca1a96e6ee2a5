using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Security;

/// <summary>
/// Authentication: a policy scheme picks bearer tokens when an <c>Authorization: Bearer</c> header is present, otherwise
/// the dashboard's <c>__Host-</c> cookie. API and hub requests are answered 401/403 (problem details), never redirected.
/// </summary>
internal static class AuthenticationSetup
{
    /// <summary>The policy scheme that forwards to the cookie or bearer scheme.</summary>
    public const string SmartScheme = "FactoryTwin";

    /// <summary>The cookie's name; the <c>__Host-</c> prefix makes browsers require Secure, Path=/ and no Domain.</summary>
    public const string CookieName = "__Host-factorytwin";

    /// <summary>The sign-in page.</summary>
    public const string SignInPath = "/signin";

    public static IServiceCollection AddFactoryTwinAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o =>
            {
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/";
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = SignInPath;
                o.ExpireTimeSpan = SecurityStore.SessionIdleLimit;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                o.Events.OnCheckSlidingExpiration = RenewSession;
            });
        services.AddAuthorization(Roles.AddPolicies);
        return services;
    }

    // A cookie whose session ended (sign-out, password change or reset, deleted user, idle limit) ends here, wherever
    // it was copied to.
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var store = context.HttpContext.RequestServices.GetRequiredService<ISecurityStore>();
        if (name is null || !store.IsCurrentSession(
            name,
            context.Principal!.FindFirst(Principals.StampClaimType)?.Value,
            context.Principal.FindFirst(Principals.SessionClaimType)?.Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // The cookie is being reissued with a new expiry: the session's idle limit restarts with it.
    private static Task RenewSession(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal?.FindFirst(Principals.SessionClaimType)?.Value is { } session)
        {
            context.HttpContext.RequestServices.GetRequiredService<ISecurityStore>().TouchSession(session);
        }

        return Task.CompletedTask;
    }

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
