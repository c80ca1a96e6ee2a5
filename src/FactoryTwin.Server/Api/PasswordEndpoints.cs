using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers that change passwords: a user's own (with the current password) and an administrator's reset.</summary>
internal static class PasswordEndpoints
{
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwn(
        SecurityStore store, AuditLog audit, HttpContext context, ChangePasswordRequest? request)
    {
        var name = context.User.Identity!.Name!;
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
            audit.Record("password-change-failed", name, name, context);
            return Problems.BadRequest("currentPassword is not the user's password.");
        }

        if (!store.TrySetPassword(name, request.NewPassword!, out var user))
        {
            return Problems.NotFound($"There is no user '{name}'.");
        }

        audit.Record("password-changed", name, name, context);

        // The new stamp ends every other session of the user; a dashboard session that asked keeps going on a new cookie.
        if (string.Equals(context.User.Identity.AuthenticationType, CookieAuthenticationDefaults.AuthenticationScheme, StringComparison.Ordinal))
        {
            var role = Roles.TryParse(context.User.FindFirst(Roles.ClaimType)?.Value, out var r) ? r : user.Role;
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principals.Create(user, role, CookieAuthenticationDefaults.AuthenticationScheme));
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
