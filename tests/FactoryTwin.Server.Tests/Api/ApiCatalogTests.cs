using FactoryTwin.Server.Api;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Api;

public sealed class ApiCatalogTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Begin = "<!-- endpoint table: generated from ApiCatalog -->";
    private const string End = "<!-- end of endpoint table -->";
    private const string ParametersBegin = "<!-- query parameters: generated from ApiCatalog -->";
    private const string ParametersEnd = "<!-- end of query parameters -->";

    [Fact]
    public void MappedEndpoints_UnderApi_AreExactlyTheCatalog()
    {
        var sources = server.Host.App.Services.GetRequiredService<EndpointDataSource>();
        var mapped = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiCatalog.Prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => m + " " + e.RoutePattern.RawText))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var table = ApiCatalog.All.Select(e => e.Method + " " + ApiCatalog.Prefix + e.Route).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(table, mapped);
    }

    [Fact]
    public void ApiDoc_EndpointTable_IsTheCatalog() => AssertGenerated(Begin, End, ApiCatalog.ToMarkdown());

    [Fact]
    public void ApiDoc_QueryParameterTable_IsTheCatalog() => AssertGenerated(ParametersBegin, ParametersEnd, ApiCatalog.ParametersToMarkdown());

    [Fact]
    public async Task OpenApi_EveryQueryParameter_HasADocumentedRange()
    {
        using var client = server.Host.Client();
        using var openApi = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken));

        var undocumented = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.TryGetProperty("parameters", out _))
            .SelectMany(operation => operation.Value.GetProperty("parameters").EnumerateArray())
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)
            .Where(name => ApiCatalog.Parameter(name) is null)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Assert.Empty(undocumented);
    }

    private static void AssertGenerated(string begin, string end, string expected)
    {
        var path = Path.Combine(RepositoryPaths.Root(), "docs", "api.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"docs/api.md must hold the table between '{begin}' and '{end}'.");
        var table = doc[(start + begin.Length)..stop].Trim('\n') + "\n";

        // To refresh the doc after changing the catalog, run the tests with FACTORYTWIN_UPDATE_DOCS=1.
        if (Environment.GetEnvironmentVariable("FACTORYTWIN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..(start + begin.Length)] + "\n" + expected + doc[stop..]);
            return;
        }

        Assert.Equal(expected, table);
    }
}
