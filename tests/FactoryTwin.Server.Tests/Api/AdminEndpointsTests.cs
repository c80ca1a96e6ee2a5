using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>Administration endpoints grant no more than the user holds.</summary>
public sealed class AdminEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("test-viewer", "admin")]
    [InlineData("test-viewer", "operator")]
    [InlineData("test-engineer", "admin")]
    public async Task CreateToken_RoleAboveUsersRole_Answers400NamingBothAndStoresNothing(string user, string role)
    {
        using var admin = server.Host.Client(Role.Admin);
        var before = server.Host.App.Services.GetRequiredService<ISecurityStore>().Tokens.Count;

        using var response = await admin.PostAsJsonAsync("api/v1/tokens", new { user, name = "escalate", role }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("'" + role + "'", detail, StringComparison.Ordinal);
        Assert.Contains(user, detail, StringComparison.Ordinal);
        Assert.Contains(user["test-".Length..], detail, StringComparison.Ordinal);
        Assert.Equal(before, server.Host.App.Services.GetRequiredService<ISecurityStore>().Tokens.Count);
    }

    [Theory]
    [InlineData("test-operator", "operator")]
    [InlineData("test-operator", "viewer")]
    [InlineData("test-admin", "engineer")]
    public async Task CreateToken_RoleAtOrBelowUsersRole_IsIssuedWithThatRole(string user, string role)
    {
        using var admin = server.Host.Client(Role.Admin);

        using var response = await admin.PostAsJsonAsync("api/v1/tokens", new { user, name = "least", role }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var issued = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(role, issued.RootElement.GetProperty("token").GetProperty("role").GetString());
    }
}
