using System.Security.Claims;

namespace FactoryTwin.Server.Security;

/// <summary>Builds the claims principal of a signed-in user or API token.</summary>
internal static class Principals
{
    /// <summary>The claim that names the API token a request used.</summary>
    public const string TokenClaimType = "factorytwin:token";

    /// <summary>The claim that holds the user's security stamp when the session was issued.</summary>
    public const string StampClaimType = "factorytwin:stamp";

    /// <summary>The claim that holds a dashboard session's id (see <see cref="SecurityStore.StartSession"/>).</summary>
    public const string SessionClaimType = "factorytwin:session";

    public static ClaimsPrincipal Create(UserRecord user, Role role, string scheme, string? tokenId = null, string? sessionId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(Roles.ClaimType, Roles.Name(role)) };
        if (user.Lines is { } lines)
        {
            foreach (var line in lines)
            {
                claims.Add(new Claim(Roles.LineClaimType, line));
            }
        }

        if (user.Stamp is { } stamp)
        {
            claims.Add(new Claim(StampClaimType, stamp));
        }

        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenClaimType, tokenId));
        }

        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaimType, sessionId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, Roles.ClaimType));
    }

    /// <summary>Decides whether a user may see a line.</summary>
    /// <param name="user">The user.</param>
    /// <param name="line">The line id.</param>
    /// <returns><see langword="true"/> when the user has no line limit or the line is among its lines.</returns>
    public static bool MaySee(ClaimsPrincipal user, string line)
    {
        var any = false;
        foreach (var claim in user.FindAll(Roles.LineClaimType))
        {
            any = true;
            if (string.Equals(claim.Value, line, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return !any;
    }
}
