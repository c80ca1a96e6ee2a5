using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The dashboard's sign-in and sign-out form posts (antiforgery-checked, rate-limited). Each sign-in starts a server-side
/// session that sign-out ends, so the cookie of a signed-out session is refused wherever it was copied to.
/// </summary>
internal static class AccountEndpoints
{
    /// <summary>The rate-limiter policy of sign-in.</summary>
    public const string RateLimitPolicy = "sign-in";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync).RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        app.MapPost("/account/signout", SignOutAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, ISecurityStore store, AuditLog audit, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = userName is null || password is null ? null : store.VerifyPassword(userName, password);
        if (user is null)
        {
            audit.Record("sign-in-failed", userName, null, context);
            return Results.Redirect(AuthenticationSetup.SignInPath + "?failed=1");
        }

        var session = store.StartSession(user.Name);
        var principal = Principals.Create(user, user.Role, CookieAuthenticationDefaults.AuthenticationScheme, sessionId: session);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        audit.Record("sign-in", user.Name, null, context);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ISecurityStore store, AuditLog audit)
    {
        // Ending the session on the server is what signs out: deleting the cookie in this browser does nothing to a copy.
        if (context.User.FindFirst(Principals.SessionClaimType)?.Value is { } session)
        {
            store.EndSession(session);
        }

        audit.Record("sign-out", context.User.Identity?.Name, null, context);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(AuthenticationSetup.SignInPath);
    }

    // Only a path on this site: "/x" but not "//host" or "/\host", which browsers treat as another site.
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
