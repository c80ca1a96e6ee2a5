using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace FactoryTwin.Server.Security;

/// <summary>Role names, the claim that carries a role, and one authorization policy per role ("at least this role").</summary>
public static class Roles
{
    /// <summary>The claim type of the role.</summary>
    public const string ClaimType = ClaimTypes.Role;

    /// <summary>The claim type of the lines a user is limited to (one claim per line; none means every line).</summary>
    public const string LineClaimType = "factorytwin:line";

    /// <summary>Gets the lower-case name of a role, as written in configuration, claims and the API.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string Name(Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Operator => "operator",
        Role.Engineer => "engineer",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Parses a role name (case-insensitive).</summary>
    /// <param name="text">The name.</param>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> when the name is a role.</returns>
    public static bool TryParse(string? text, out Role role)
    {
        foreach (var r in All)
        {
            if (string.Equals(text, Name(r), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Gets every role, lowest first.</summary>
    public static IReadOnlyList<Role> All { get; } = [Role.Viewer, Role.Operator, Role.Engineer, Role.Admin];

    /// <summary>Gets the policy name that admits a role and every higher one.</summary>
    /// <param name="role">The least role.</param>
    /// <returns>The policy name.</returns>
    public static string Policy(Role role) => "at-least-" + Name(role);

    /// <summary>Gets the highest role a user holds, or <see langword="null"/> for none.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The role.</returns>
    public static Role? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Role? best = null;
        foreach (var claim in user.FindAll(ClaimType))
        {
            if (TryParse(claim.Value, out var role) && (best is null || role > best))
            {
                best = role;
            }
        }

        return best;
    }

    /// <summary>Adds one policy per role to the authorization options.</summary>
    /// <param name="options">The options.</param>
    internal static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var role in All)
        {
            var least = role;
            options.AddPolicy(Policy(role), p => p.RequireAuthenticatedUser().RequireAssertion(c => Of(c.User) >= least));
        }
    }
}
