using Microsoft.AspNetCore.Http;

namespace FactoryTwin.Server.Security;

/// <summary>
/// Adds the security headers to every answer: a Content-Security-Policy with <c>frame-ancestors 'none'</c>,
/// <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>, <c>Referrer-Policy: no-referrer</c>
/// (HSTS is added by the HSTS middleware for HTTPS requests).
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    // Blazor's interactive server rendering needs a WebSocket to this origin and MudBlazor sets inline styles; the API
    // reference page (Scalar) configures itself with an inline script, so only that page allows inline scripts.
    private const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' wss: ws:; "
        + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReferencePolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; "
        + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly RequestDelegate _next;

    public SecurityHeadersMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return _next(context);
    }
}
