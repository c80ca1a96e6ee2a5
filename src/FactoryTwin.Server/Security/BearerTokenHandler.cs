using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Security;

/// <summary>Authenticates <c>Authorization: Bearer ft_…</c> API tokens against the hashes in the <see cref="SecurityStore"/>.</summary>
internal sealed class BearerTokenHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bearer";

    private readonly ISecurityStore _store;

    public BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ISecurityStore store)
        : base(options, logger, encoder)
    {
        _store = store;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var result = _store.ValidateToken(header["Bearer ".Length..].Trim());
        if (result is not { } granted)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API token is unknown, revoked or expired."));
        }

        var principal = Principals.Create(granted.User, granted.Role, SchemeName, granted.Token.Id);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
