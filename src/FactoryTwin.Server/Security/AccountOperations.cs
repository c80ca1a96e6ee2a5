using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace FactoryTwin.Server.Security;

/// <summary>Why an account operation was refused.</summary>
internal enum AccountRefusal
{
    /// <summary>It was done.</summary>
    None,

    /// <summary>The request is wrong (the message says what).</summary>
    BadRequest,

    /// <summary>The user or token does not exist.</summary>
    NotFound,

    /// <summary>Too many wrong current passwords: locked for a while.</summary>
    Throttled,
}

/// <summary>The outcome of an account operation.</summary>
/// <param name="Refusal">Why it was refused, or <see cref="AccountRefusal.None"/>.</param>
/// <param name="Message">What is wrong, for the user.</param>
/// <param name="RetryAfterSeconds">When throttled, the seconds until another try.</param>
internal readonly record struct AccountOutcome(AccountRefusal Refusal, string? Message = null, int RetryAfterSeconds = 0)
{
    public bool Succeeded => Refusal == AccountRefusal.None;

    public static AccountOutcome Done => default;

    public static AccountOutcome Bad(string message) => new(AccountRefusal.BadRequest, message);
}

/// <summary>An API token as issued: its record and its secret, which is shown once.</summary>
/// <param name="Record">The stored token (without the secret).</param>
/// <param name="Secret">The bearer secret.</param>
internal sealed record IssuedToken(TokenRecord Record, string Secret);

/// <summary>
/// The account operations a user does from the REST API and from the dashboard's account page alike: changing one's own
/// password (with the current one, throttled against guessing, ending every other session) and issuing API tokens.
/// One implementation, so that both ways check the same rules and leave the same audit trail.
/// </summary>
internal static class AccountOperations
{
    /// <summary>Changes the signed-in user's own password; a dashboard session that asked goes on with a new cookie.</summary>
    public static async Task<AccountOutcome> ChangeOwnPasswordAsync(
        ISecurityStore store, PasswordLockout lockout, AuditLog audit, HttpContext context, string? currentPassword, string? newPassword)
    {
        var name = context.User.Identity!.Name!;
        var address = context.Connection.RemoteIpAddress;

        // The current password is checked here, so this is where guessing is stopped: no answer about it while locked out.
        if (lockout.IsLockedOut(name, address, out var retryAfter))
        {
            audit.RecordThrottled("password-change-throttled", name, name, context);
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            return new AccountOutcome(AccountRefusal.Throttled, $"Too many wrong current passwords; password changes are locked for {seconds} s.", seconds);
        }

        if (string.IsNullOrEmpty(currentPassword))
        {
            return AccountOutcome.Bad("currentPassword is required.");
        }

        if (PasswordRules.Check("newPassword", newPassword, name) is { } wrong)
        {
            return AccountOutcome.Bad(wrong);
        }

        if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
        {
            return AccountOutcome.Bad("newPassword must differ from currentPassword.");
        }

        if (store.VerifyPassword(name, currentPassword) is null)
        {
            lockout.RecordFailure(name, address);
            audit.Record("password-change-failed", name, name, context);
            return AccountOutcome.Bad("currentPassword is not the user's password.");
        }

        lockout.RecordSuccess(name);

        if (!store.TrySetPassword(name, newPassword!, out var user))
        {
            return new AccountOutcome(AccountRefusal.NotFound, $"There is no user '{name}'.");
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

        return AccountOutcome.Done;
    }

    /// <summary>Issues an API token for a user, with at most that user's role; the secret is returned once.</summary>
    public static (AccountOutcome Outcome, IssuedToken? Token) IssueToken(
        ISecurityStore store, TimeProvider time, AuditLog audit, HttpContext? context, string actor, string? userName, string? tokenName, string? roleName, int? expiresInDays)
    {
        if (string.IsNullOrWhiteSpace(tokenName) || tokenName.Length > 100)
        {
            return (AccountOutcome.Bad("name must be 1–100 characters."), null);
        }

        if (!Roles.TryParse(roleName, out var role))
        {
            return (AccountOutcome.Bad($"role must be viewer, operator, engineer or admin, not '{roleName}'."), null);
        }

        if (expiresInDays is < 1 or > 3650)
        {
            return (AccountOutcome.Bad("expiresInDays must be 1–3650 when given."), null);
        }

        var user = userName is null ? null : store.FindUser(userName);
        if (user is null)
        {
            return (AccountOutcome.Bad($"user '{userName}' does not exist."), null);
        }

        // Least privilege at issue time: a token never lists more than its user may do.
        if (role > user.Role)
        {
            return (AccountOutcome.Bad(
                $"role '{Roles.Name(role)}' is above the role of user '{user.Name}' ({Roles.Name(user.Role)}); a token grants at most its user's role."), null);
        }

        var expires = expiresInDays is { } days ? time.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var (record, secret) = store.IssueToken(user.Name, tokenName.Trim(), role, expires);
        audit.Record("token-issued", actor, record.Id + " for " + user.Name, context);
        return (AccountOutcome.Done, new IssuedToken(record, secret));
    }

    /// <summary>Revokes an API token.</summary>
    public static AccountOutcome RevokeToken(ISecurityStore store, AuditLog audit, HttpContext? context, string actor, string id)
    {
        if (!store.RevokeToken(id))
        {
            return new AccountOutcome(AccountRefusal.NotFound, $"There is no token '{id}'.");
        }

        audit.Record("token-revoked", actor, id, context);
        return AccountOutcome.Done;
    }

}
