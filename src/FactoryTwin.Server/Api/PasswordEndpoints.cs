using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers that change passwords: a user's own (with the current password) and an administrator's reset.</summary>
internal static class PasswordEndpoints
{
    /// <summary>The rate-limiter policy of the password change: <see cref="ServerOptions.SignInAttemptsPerMinute"/> per user.</summary>
    public const string RateLimitPolicy = "password-change";

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwn(
        SecurityStore store, PasswordLockout lockout, AuditLog audit, HttpContext context, ChangePasswordRequest? request)
    {
        var name = context.User.Identity!.Name!;
        var address = context.Connection.RemoteIpAddress;

        // The current password is checked here, so this is where guessing is stopped: no answer about it while locked out.
        if (lockout.IsLockedOut(name, address, out var retryAfter))
        {
            audit.RecordThrottled("password-change-throttled", name, name, context);
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.TooManyRequests($"Too many wrong current passwords; password changes are locked for {seconds} s.");
        }

        if (request is null || string.IsNullOrEmpty(request.CurrentPassword))
        {
            return Problems.BadRequest("currentPassword is required.");
        }

        if (PasswordRules.Check("newPassword", request.NewPassword, name) is { } wrong)
        {
            return Problems.BadRequest(wrong);
        }

        if (string.Equals(request.NewPassword, request.CurrentPassword, StringComparison.Ordinal))
        {
            return Problems.BadRequest("newPassword must differ from currentPassword.");
        }

        if (store.VerifyPassword(name, request.CurrentPassword) is null)
        {
            lockout.RecordFailure(name, address);
            audit.Record("password-change-failed", name, name, context);
            return Problems.BadRequest("currentPassword is not the user's password.");
        }

        lockout.RecordSuccess(name);

        if (!store.TrySetPassword(name, request.NewPassword!, out var user))
        {
            return Problems.NotFound($"There is no user '{name}'.");
        }

        audit.Record("password-changed", name, name, context);

        // The new stamp ends every other session of the user; a dashboard session that asked keeps going on a new cookie.
        if (string.Equals(context.User.Identity.AuthenticationType, CookieAuthenticationDefaults.AuthenticationScheme, StringComparison.Ordinal))
        {
            var role = Roles.TryParse(context.User.FindFirst(Roles.ClaimType)?.Value, out var r) ? r : user.Role;
            var session = store.StartSession(user.Name);
            await context.SignInAsync(
                CookieAuthenticationDefaults.AuthenticationScheme, Principals.Create(user, role, CookieAuthenticationDefaults.AuthenticationScheme, sessionId: session));
        }

        return TypedResults.NoContent();
    }

    public static Results<NoContent, ProblemHttpResult> Reset(
        SecurityStore store, AuditLog audit, HttpContext context, string name, ResetPasswordRequest? request)
    {
        var user = store.FindUser(name);
        if (user is null)
        {
            return Problems.NotFound($"There is no user '{name}'.");
        }

        if (PasswordRules.Check("password", request?.Password, user.Name) is { } wrong)
        {
            return Problems.BadRequest(wrong);
        }

        store.TrySetPassword(user.Name, request!.Password!, out _);
        audit.Record("password-reset", context.User.Identity?.Name, user.Name, context);
        return TypedResults.NoContent();
    }
}
