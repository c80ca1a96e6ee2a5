using System.Net;
using System.Text.RegularExpressions;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Security;

/// <summary>Sign-in with antiforgery and <c>__Host-</c> cookies, security headers, audit log, hashed secrets.</summary>
public sealed partial class WebSecurityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("signin")]
    [InlineData("api/v1/plant")]
    [InlineData("health/live")]
    public async Task Get_AnyPage_CarriesSecurityHeaders(string path)
    {
        using var client = server.Host.Client(Role.Viewer);

        using var response = await client.GetAsync(path, Ct);

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Page_HasOneTitleAndAStyledCardForm()
    {
        using var client = server.Host.Client();
        var html = await client.GetStringAsync("signin", Ct);

        Assert.Single(TitleElement().Matches(html));
        Assert.Contains("<title>Sign in — FactoryTwin</title>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"signin-card\"", html, StringComparison.Ordinal);
        Assert.Contains(".signin-card input", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPasswordWithAntiforgery_SetsSecureHostCookieAndAudits()
    {
        using var client = server.Host.Client();
        var (token, cookie) = await GetFormAsync(client);

        using var response = await PostSignInAsync(client, cookie, token, "test-operator", "password-of-test-operator");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-factorytwin=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);

        // The cookie authenticates API calls too.
        using var api = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        api.Headers.Add("Cookie", session.Split(';')[0]);
        using var me = await client.SendAsync(api, Ct);
        Assert.Contains("\"operator\"", await me.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var audit = server.Host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "sign-in" && e.Actor == "test-operator");
    }

    [Fact]
    public async Task SignIn_WrongPassword_RedirectsBackAndAuditsFailure()
    {
        using var client = server.Host.Client();
        var (token, cookie) = await GetFormAsync(client);

        using var response = await PostSignInAsync(client, cookie, token, "test-viewer", "not-the-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?failed", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-factorytwin=", StringComparison.Ordinal)));
        var audit = server.Host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "sign-in-failed" && e.Actor == "test-viewer");
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = server.Host.Client();

        using var response = await client.PostAsync(
            "account/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "test-admin", ["password"] = "password-of-test-admin" }),
            Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-factorytwin=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToSignIn()
    {
        using var client = server.Host.Client();

        using var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_Call_IsAudited()
    {
        using var client = server.Host.Client(Role.Viewer);

        using var response = await client.GetAsync("api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var audit = server.Host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "denied" && e.Actor == "test-viewer" && e.Target == "GET /api/v1/users");
    }

    [Fact]
    public async Task SecurityStore_OnDisk_HoldsNoPasswordOrToken()
    {
        var stored = await File.ReadAllTextAsync(Path.Combine(server.Host.DataFolder, SecurityStore.FileName), Ct);

        Assert.DoesNotContain("password-of-test-admin", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Host.Token(Role.Admin), stored, StringComparison.Ordinal);
        var token = server.Host.Token(Role.Admin);
        var secret = token[(token.IndexOf('_', "ft_".Length) + 1)..]; // ft_{id}_{secret}; the secret itself may hold '_'
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    [InlineData("openapi/v1.json")]
    [InlineData("scalar/")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    public async Task Operations_Anonymous_Answer200(string path)
    {
        using var client = server.Host.Client();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiReference_Page_LoadsNothingFromOtherSites()
    {
        using var client = server.Host.Client();

        var html = await client.GetStringAsync("scalar/", Ct);

        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Scrape_ShowsTelemetryOrleansAndHttpInstruments()
    {
        using var client = server.Host.Client(Role.Viewer);
        await client.GetAsync("api/v1/plant", Ct);

        var text = await client.GetStringAsync("metrics", Ct);

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("factorytwin_telemetry_in_flight", text, StringComparison.Ordinal);
        Assert.Contains("orleans_catalog_activations", text, StringComparison.Ordinal);
    }

    internal static async Task<(string Token, string Cookie)> GetFormAsync(HttpClient client)
    {
        using var page = await client.GetAsync("signin", Ct);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-factorytwin-af=", StringComparison.Ordinal)).Split(';')[0];
        Assert.NotEmpty(token);
        return (token, cookie);
    }

    internal static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string cookie, string token, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user,
                ["password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [System.Text.RegularExpressions.GeneratedRegex("<title>")]
    private static partial System.Text.RegularExpressions.Regex TitleElement();
}
