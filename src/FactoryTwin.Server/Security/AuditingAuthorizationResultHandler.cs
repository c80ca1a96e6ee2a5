using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace FactoryTwin.Server.Security;

/// <summary>Records every denial (403 for a signed-in caller, 401 for a presented but invalid credential) in the audit log.</summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _inner = new();
    private readonly AuditLog _audit;

    public AuditingAuthorizationResultHandler(AuditLog audit)
    {
        _audit = audit;
    }

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            _audit.Record("denied", context.User.Identity?.Name, context.Request.Method + " " + context.Request.Path, context);
        }
        else if (authorizeResult.Challenged && context.Request.Headers.Authorization.Count > 0)
        {
            _audit.Record("denied", null, context.Request.Method + " " + context.Request.Path + " (invalid credentials)", context);
        }

        return _inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
