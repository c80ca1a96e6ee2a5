using System.Net;
using System.Net.Http.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task SignIn_OverLimit_AuditsTheRefusal()
    {
        await using var host = await ServerHost.StartAsync("--Server:SignInAttemptsPerMinute=1");
        using var client = host.Client();
        var (token, cookie) = await WebSecurityTests.GetFormAsync(client);

        using var first = await WebSecurityTests.PostSignInAsync(client, cookie, token, "test-viewer", "wrong-password");
        using var second = await WebSecurityTests.PostSignInAsync(client, cookie, token, "test-viewer", "wrong-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var audit = host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "sign-in-throttled" && e.Target == "POST /account/signin");
    }

    [Fact]
    public async Task PasswordChange_TwentyWrongCurrentPasswords_Answers429AndAudits()
    {
        await using var host = await ServerHost.StartAsync();
        var store = host.App.Services.GetRequiredService<ISecurityStore>();
        store.TryAddUser("guessed", Role.Viewer, "password-of-guessed", null, out _);
        using var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", store.IssueToken("guessed", "stolen", Role.Viewer, null).Token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsJsonAsync(
                "api/v1/users/me/password", new { currentPassword = "guess-number-" + i, newPassword = "new-password-of-guessed" }, Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter is not null, "a 429 says when to retry");
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(statuses.Count(s => s == HttpStatusCode.BadRequest) <= 10, string.Join(",", statuses));
        var audit = host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "password-change-failed" && e.Actor == "guessed");
        Assert.Contains(audit, e => e.Kind == "password-change-throttled" && e.Actor == "guessed");

        // Locked out: even the right password is refused until the lockout ends.
        using var right = await client.PostAsJsonAsync(
            "api/v1/users/me/password", new { currentPassword = "password-of-guessed", newPassword = "new-password-of-guessed" }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(store.VerifyPassword("guessed", "password-of-guessed"));
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
