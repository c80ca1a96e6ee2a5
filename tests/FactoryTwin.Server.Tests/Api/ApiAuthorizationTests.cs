using System.Net;
using System.Text;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>Every endpoint of <see cref="ApiCatalog"/> × every role, and without credentials, derived from the one table.</summary>
public sealed class ApiAuthorizationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in ApiCatalog.All)
        {
            data.Add(endpoint.Method, endpoint.Route, "anonymous");
            foreach (var role in Roles.All)
            {
                data.Add(endpoint.Method, endpoint.Route, Roles.Name(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_RoleFromTable_AllowedOr401Or403(string method, string route, string caller)
    {
        var endpoint = ApiCatalog.All.Single(e => e.Method == method && e.Route == route);
        Role? role = Roles.TryParse(caller, out var r) ? r : null;
        using var client = server.Host.Client(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), ApiCatalog.Prefix.TrimStart('/') + endpoint.Example);
        if (endpoint.ExampleBody is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        if (role is null)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else if (role < endpoint.LeastRole)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{method} {endpoint.Example} as {caller}: {(int)response.StatusCode}");
        }

        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Call_InvalidBearerToken_Answers401AndAudits()
    {
        using var client = server.Host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ft_0000000000000000_wrong");

        using var response = await client.GetAsync("api/v1/plant", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
