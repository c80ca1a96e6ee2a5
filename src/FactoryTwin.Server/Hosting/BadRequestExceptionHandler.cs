using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Turns exceptions into problem details: a <see cref="BadHttpRequestException"/> (unreadable or oversize body, bad
/// binding) keeps its own status (400, 413…) with a detail that names the parameter or body field (see
/// <see cref="BadInput"/>); anything else is logged and answered 500 without details.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<BadRequestExceptionHandler> _logger;

    public BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    {
        _problems = problems;
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500)
        {
            Log.UnhandledError(_logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        var detail = status >= 500 ? "An unexpected error occurred; it has been logged."
            : status == StatusCodes.Status400BadRequest ? BadInput.Describe(httpContext, exception)
            : exception.Message;

        httpContext.Response.StatusCode = status;
        return await _problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Detail = detail,
            },
        });
    }
}
