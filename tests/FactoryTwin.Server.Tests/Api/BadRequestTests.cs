using System.Net;
using System.Text;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>Malformed, mistyped, oversize and unknown input gets problem details with 4xx, never 500.</summary>
public sealed class BadRequestTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "api/v1/users", "{\"name\":\"x\",", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users", "[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users", "{\"name\":42,\"role\":\"viewer\",\"password\":\"long-enough-pass\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users", "{\"name\":\"bad name!\",\"role\":\"viewer\",\"password\":\"long-enough-pass\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users", "{\"name\":\"shorty\",\"role\":\"viewer\",\"password\":\"short\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users", "{\"name\":\"someone\",\"role\":\"king\",\"password\":\"long-enough-pass\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/tokens", "{\"user\":\"test-admin\",\"name\":\"x\",\"role\":\"viewer\",\"expiresInDays\":\"soon\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/devices", "{\"id\":\"gw-nowhere\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/devices", "not json at all", HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/assets?page=abc", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/assets?page=0", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/assets?line=no-such-line", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/assets/no-such-asset", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/assets/no-such-asset/state", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/history", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/history?series=respot", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/history?series=no-such-asset/state", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/history?series=respot/state&from=yesterday", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/history?series=respot/state&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/history/buckets?series=respot/state", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/history/buckets?series=respot/state&bucketSeconds=-5", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/v1/history/buckets?series=respot/state&bucketSeconds=0.000001&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", null, HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "api/v1/users/no-such-user", null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/v1/tokens/no-such-token", null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/v1/devices/no-such-device", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/ovens/respot/bodies", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/audit?pageSize=many", null, HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users/me/password", "{\"currentPassword\":5,\"newPassword\":\"long-enough-password\"}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/v1/users/me/password", "not json at all", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "api/v1/users/no-such-user/password", "{\"password\":\"long-enough-password\"}", HttpStatusCode.NotFound)]
    [InlineData("PUT", "api/v1/users/test-viewer/password", "{\"password\":[1]}", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "api/v1/settings", "{\"forecastReplications\":\"many\"}", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "api/v1/settings", "{\"lineTargets\":[1,2]}", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "api/v1/settings", "[1]", HttpStatusCode.BadRequest)]
    public async Task Send_BadInput_AnswersProblemDetails(string method, string path, string? body, HttpStatusCode expected)
    {
        using var client = server.Host.Client(Role.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Answers413()
    {
        using var client = server.Host.Client(Role.Admin);
        var big = "{\"name\":\"" + new string('a', 70_000) + "\"}";

        using var response = await client.PostAsync("api/v1/users", new StringContent(big, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_PageSizeAboveLimit_IsClamped()
    {
        using var client = server.Host.Client(Role.Viewer);

        using var response = await client.GetAsync("api/v1/assets?pageSize=1000000", Ct);

        response.EnsureSuccessStatusCode();
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(500, page.RootElement.GetProperty("pageSize").GetInt32());
        Assert.True(page.RootElement.GetProperty("total").GetInt32() > 10);
    }

    [Fact]
    public async Task Get_SecondPage_ReturnsTheNextItems()
    {
        using var client = server.Host.Client(Role.Viewer);

        var first = JsonDocument.Parse(await client.GetStringAsync("api/v1/assets?page=1&pageSize=3", Ct));
        var second = JsonDocument.Parse(await client.GetStringAsync("api/v1/assets?page=2&pageSize=3", Ct));

        var ids1 = first.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray();
        var ids2 = second.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray();
        Assert.Equal(3, ids1.Length);
        Assert.Equal(3, ids2.Length);
        Assert.Empty(ids1.Intersect(ids2));
    }
}
