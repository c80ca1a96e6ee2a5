using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers that change passwords: a user's own (with the current password) and an administrator's reset.</summary>
internal static class PasswordEndpoints
{
    /// <summary>The rate-limiter policy of the password change: <see cref="ServerOptions.SignInAttemptsPerMinute"/> per user.</summary>
    public const string RateLimitPolicy = "password-change";

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwn(
        ISecurityStore store, PasswordLockout lockout, AuditLog audit, HttpContext context, ChangePasswordRequest? request)
    {
        var outcome = await AccountOperations.ChangeOwnPasswordAsync(store, lockout, audit, context, request?.CurrentPassword, request?.NewPassword);
        if (outcome.Refusal == AccountRefusal.Throttled)
        {
            context.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return outcome.Succeeded ? TypedResults.NoContent() : Problem(outcome);
    }

    /// <summary>Maps a refused account operation to the API's problem response.</summary>
    public static ProblemHttpResult Problem(AccountOutcome outcome) => outcome.Refusal switch
    {
        AccountRefusal.NotFound => Problems.NotFound(outcome.Message!),
        AccountRefusal.Throttled => Problems.TooManyRequests(outcome.Message!),
        _ => Problems.BadRequest(outcome.Message!),
    };

    public static Results<NoContent, ProblemHttpResult> Reset(
        ISecurityStore store, AuditLog audit, HttpContext context, string name, ResetPasswordRequest? request)
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
