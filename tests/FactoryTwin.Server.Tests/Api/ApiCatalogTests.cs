using FactoryTwin.Server.Api;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Api;

public sealed class ApiCatalogTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Begin = "<!-- endpoint table: generated from ApiCatalog -->";
    private const string End = "<!-- end of endpoint table -->";

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
    public void ApiDoc_EndpointTable_IsTheCatalog()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "docs", "api.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/api.md must hold the table between '{Begin}' and '{End}'.");
        var table = doc[(start + Begin.Length)..end].Trim('\n') + "\n";

        // To refresh the doc after changing the catalog, run the tests with FACTORYTWIN_UPDATE_DOCS=1.
        if (Environment.GetEnvironmentVariable("FACTORYTWIN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..(start + Begin.Length)] + "\n" + ApiCatalog.ToMarkdown() + doc[end..]);
            return;
        }

        Assert.Equal(ApiCatalog.ToMarkdown(), table);
    }
}
