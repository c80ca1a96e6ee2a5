using System.Net;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Security;

/// <summary>Dashboard sessions are revocable on the server: signing out ends the session, even for a copy of its cookie.</summary>
public sealed class SessionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ISecurityStore Store => server.Host.App.Services.GetRequiredService<ISecurityStore>();

    [Fact]
    public async Task SignOut_CookieCopiedBefore_ApiAnswers401AndDashboardRedirectsToSignIn()
    {
        Store.TryAddUser("session-out", Role.Viewer, "password-of-session-out", null, out _);
        using var client = server.Host.Client();
        var copied = await SignInAsync(client, "session-out", "password-of-session-out");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "api/v1/me", copied));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/", copied));

        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "account/signout"))
        {
            signOut.Headers.Add("Cookie", copied);
            using var response = await client.SendAsync(signOut, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "api/v1/me", copied));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", copied);
        using var dashboard = await client.SendAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Contains("/signin", dashboard.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_OneOfTwoSessions_OtherSessionGoesOn()
    {
        Store.TryAddUser("session-two", Role.Viewer, "password-of-session-two", null, out _);
        using var client = server.Host.Client();
        var first = await SignInAsync(client, "session-two", "password-of-session-two");
        var second = await SignInAsync(client, "session-two", "password-of-session-two");

        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "account/signout"))
        {
            signOut.Headers.Add("Cookie", first);
            using var response = await client.SendAsync(signOut, Ct);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "api/v1/me", first));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "api/v1/me", second));
    }

    [Fact]
    public void EnsureAdministrator_FirstRun_StoresASecurityStamp()
    {
        var folder = Directory.CreateTempSubdirectory("factorytwin-store-").FullName;
        try
        {
            var store = new SecurityStore(Options.Create(new ServerOptions { DataFolder = folder }), TimeProvider.System);

            Assert.NotNull(store.EnsureAdministrator("admin"));

            using var stored = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, SecurityStore.FileName)));
            var admin = stored.RootElement.GetProperty("users").EnumerateArray().Single();
            Assert.Equal(JsonValueKind.String, admin.GetProperty("stamp").ValueKind);
            Assert.NotEmpty(admin.GetProperty("stamp").GetString()!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task<string> SignInAsync(HttpClient client, string user, string password)
    {
        var (token, cookie) = await WebSecurityTests.GetFormAsync(client);
        using var response = await WebSecurityTests.PostSignInAsync(client, cookie, token, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-factorytwin=", StringComparison.Ordinal)).Split(';')[0];
    }

    internal static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
