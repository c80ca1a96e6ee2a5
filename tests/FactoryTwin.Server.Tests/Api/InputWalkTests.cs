using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>
/// Walks every endpoint of <see cref="ApiCatalog"/> with out-of-range, overflowing, wrong-type and oversized values in every
/// query parameter (as the OpenAPI document lists them), route value and body field: bad input is a 4xx problem, never a 5xx.
/// </summary>
public sealed class InputWalkTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string ValidSeries = "respot/state";

    private const string Placeholder = "__walk-value__";

    private static readonly string Long = new('x', 5000);

    private static readonly string[] QueryValues =
    [
        "-1", "0", "1", "2147483648", "-2147483649", "99999999999999999999", "1000000000000", "1e308", "-1e308", "1e-320",
        "NaN", "Infinity", "-Infinity", "abc", "", "%00", "%FF", "%E2%28%A1", Long, "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00", "2026-02-30T00:00:00Z",
        "2026-01-01T00:00:00", "respot/state", "respot/", "/state",
    ];

    // "%00" is left out: the test server refuses to build such a path (Kestrel answers 400 itself).
    private static readonly string[] RouteValues = ["..", "%2e%2e", "%FF", "a%20b", "x%2Fy", "%E2%28%A1", Long, "-1", "99999999999999999999"];

    private static readonly string[] JsonValues =
    [
        "1e40", "-1e40", "-1", "0", "2147483648", "-2147483649", "1.5", "\"x\"", "\"\"", "\"" + Long + "\"", "true", "null",
        "[]", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ];

    private static readonly string[] Bodies =
    [
        "", "null", "[]", "{", "\"text\"", "1e999", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", new string('{', 70_000),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HistoryBuckets_BucketSecondsOverflowingTimeSpan_Answers400NamingIt()
    {
        using var client = server.Host.Client(Role.Viewer);

        using var response = await client.GetAsync("api/v1/history/buckets?series=respot/state&bucketSeconds=1000000000000", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("bucketSeconds ", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v1/history?series=respot/state&from=yesterday", "from ")]
    [InlineData("api/v1/history?series=respot/state&to=later", "to ")]
    [InlineData("api/v1/history/buckets?series=respot/state&bucketSeconds=many", "bucketSeconds ")]
    [InlineData("api/v1/assets?page=abc", "page ")]
    [InlineData("api/v1/assets?page=99999999999", "page ")]
    [InlineData("api/v1/assets?pageSize=0", "pageSize ")]
    [InlineData("api/v1/alarms?pageSize=x", "pageSize ")]
    [InlineData("api/v1/history?series=respot/state&to=0001-01-01T00:00:00Z", "to ")]
    public async Task Get_BadQueryValue_ProblemDetailNamesTheParameter(string path, string start)
    {
        using var client = server.Host.Client(Role.Admin);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(start, await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walk_EveryEndpointWithBadValues_NoResponseIs5xx()
    {
        using var client = server.Host.Client(Role.Admin);
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", Ct));
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in ApiCatalog.All)
        {
            var operation = openApi.RootElement.GetProperty("paths").GetProperty(ApiCatalog.Prefix + endpoint.Route)
                .GetProperty(endpoint.Method.ToLowerInvariant());
            var query = QueryParameters(operation);
            var basis = query.Contains("series") ? new Dictionary<string, string> { ["series"] = ValidSeries } : [];

            // Every query parameter with every bad value, the others as in a valid call.
            foreach (var name in query)
            {
                foreach (var value in QueryValues)
                {
                    var values = new Dictionary<string, string>(basis) { [name] = value };
                    await SendAsync(endpoint, Path(endpoint), values, endpoint.ExampleBody);
                }
            }

            // Every route value.
            var segments = endpoint.Route.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (!segments[i].StartsWith('{'))
                {
                    continue;
                }

                foreach (var value in RouteValues)
                {
                    var path = Path(endpoint).Split('/');
                    path[i] = value;
                    await SendAsync(endpoint, string.Join('/', path), basis, endpoint.ExampleBody);
                }
            }

            // Every body field, then whole bodies that are not what the endpoint reads.
            if (endpoint.ExampleBody is { } example)
            {
                foreach (var field in BodyFields(openApi.RootElement, operation, example))
                {
                    foreach (var value in JsonValues)
                    {
                        // The value goes in as raw text: some are deeper than a JSON reader accepts.
                        var body = JsonNode.Parse(example)!.AsObject();
                        body[field] = Placeholder;
                        await SendAsync(endpoint, Path(endpoint), basis, body.ToJsonString().Replace("\"" + Placeholder + "\"", value, StringComparison.Ordinal));
                    }
                }

                foreach (var body in Bodies)
                {
                    await SendAsync(endpoint, Path(endpoint), basis, body);
                }
            }

            if (query.Count == 0 && !endpoint.Route.Contains('{', StringComparison.Ordinal) && endpoint.ExampleBody is null)
            {
                await SendAsync(endpoint, Path(endpoint), basis, null);
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were 5xx:\n" + string.Join('\n', failures.Take(30)));

        async Task SendAsync(ApiEndpoint endpoint, string path, IReadOnlyDictionary<string, string> values, string? body)
        {
            var uri = ApiCatalog.Prefix.TrimStart('/') + path;
            if (values.Count > 0)
            {
                uri += "?" + string.Join('&', values.Select(v => v.Key + "=" + v.Value));
            }

            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), uri);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, Ct);
            sent++;
            // 503 with Retry-After is "not ready yet, look again" (the first forecast being made), not a failure of the input.
            if ((int)response.StatusCode >= 500 && !(response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null))
            {
                var shown = uri.Length > 200 ? uri[..200] + "…" : uri;
                var sentBody = body is null ? "" : " " + (body.Length > 120 ? body[..120] + "…" : body);
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {endpoint.Method} {shown}{sentBody}"));
            }
        }
    }

    private static string Path(ApiEndpoint endpoint)
    {
        var query = endpoint.Example.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? endpoint.Example : endpoint.Example[..query];
    }

    private static List<string> QueryParameters(JsonElement operation)
    {
        var names = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var p in parameters.EnumerateArray())
            {
                if (p.GetProperty("in").GetString() == "query")
                {
                    names.Add(p.GetProperty("name").GetString()!);
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> BodyFields(JsonElement document, JsonElement operation, string example)
    {
        var fields = new HashSet<string>(JsonNode.Parse(example)!.AsObject().Select(p => p.Key), StringComparer.Ordinal);
        if (operation.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").GetProperty("application/json").GetProperty("schema") is var schema
            && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (document.GetProperty("components").GetProperty("schemas").GetProperty(name).TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    fields.Add(property.Name);
                }
            }
        }

        return fields.Order(StringComparer.Ordinal);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
