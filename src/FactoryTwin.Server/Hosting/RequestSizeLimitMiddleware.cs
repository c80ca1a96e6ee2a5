using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Refuses request bodies over <see cref="ServerOptions.MaxRequestBodyBytes"/> with 413: at once when Content-Length says so,
/// and otherwise through the server's body-size limit while the body is read.
/// </summary>
internal sealed class RequestSizeLimitMiddleware
{
    private readonly RequestDelegate _next;
    private readonly long _limit;

    public RequestSizeLimitMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _limit = options.Value.MaxRequestBodyBytes;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        return _next(context);
    }
}
