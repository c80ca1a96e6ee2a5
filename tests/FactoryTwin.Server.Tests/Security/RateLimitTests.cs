using System.Net;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Security;

/// <summary>Sign-in and API requests over their per-minute limits are answered 429 with problem details.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_OverLimit_Answers429()
    {
        await using var host = await ServerHost.StartAsync("--Server:SignInAttemptsPerMinute=2");
        using var client = host.Client();
        var (token, cookie) = await WebSecurityTests.GetFormAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await WebSecurityTests.PostSignInAsync(client, cookie, token, "test-viewer", "wrong-password");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Api_OverLimit_Answers429()
    {
        await using var host = await ServerHost.StartAsync("--Server:ApiRequestsPerMinute=2");
        using var client = host.Client(Role.Viewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("api/v1/me", Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
