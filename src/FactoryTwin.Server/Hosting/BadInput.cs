using System.Globalization;
using System.Text.Json;
using FactoryTwin.Server.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Says what was wrong with a request that failed to bind: the query parameter whose value does not parse as its type
/// (named with the values it takes, from <see cref="ApiCatalog.QueryParameters"/>), or where the JSON body does not fit.
/// </summary>
internal static class BadInput
{
    /// <summary>Describes a binding failure.</summary>
    /// <param name="context">The request.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The problem detail, starting with the parameter's name when one is to blame.</returns>
    public static string Describe(HttpContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        // The exception handler has cleared the request's endpoint by now; its feature keeps the one that failed.
        if ((context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) is { } endpoint)
        {
            foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
            {
                if (context.Request.Query.TryGetValue(parameter.Name, out var values) && !Parses(parameter.ParameterInfo.ParameterType, values))
                {
                    return ApiCatalog.MustBe(parameter.Name, values.Count == 1 ? values[0] : string.Join(',', values.ToArray()));
                }
            }
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return "The request body does not fit this endpoint" + (json.Path is { } path ? " at " + path : "") + ": " + json.Message;
            }
        }

        return exception.Message;
    }

    // The parsing minimal APIs do for these types (IParsable with the invariant culture); only one value binds.
    private static bool Parses(Type type, Microsoft.Extensions.Primitives.StringValues values)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (values.Count != 1)
        {
            return target == typeof(string) || target.IsArray;
        }

        var value = values[0];
        return target switch
        {
            _ when target == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when target == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when target == typeof(double) => double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _),
            _ when target == typeof(bool) => bool.TryParse(value, out _),
            _ when target == typeof(DateTimeOffset) => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
    }
}
