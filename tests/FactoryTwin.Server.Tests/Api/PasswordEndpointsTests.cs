using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.Security;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>Password changes: the caller's own (with the current password) and an administrator's reset; both end old sessions.</summary>
public sealed class PasswordEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ISecurityStore Store => server.Host.App.Services.GetRequiredService<ISecurityStore>();

    [Fact]
    public async Task ChangeOwn_RightCurrentPassword_ReplacesPasswordEndsOtherSessionsAndAudits()
    {
        Store.TryAddUser("pw-self", Role.Operator, "old-password-of-pw-self", null, out _);
        using var client = server.Host.Client();
        var asking = await SignInAsync(client, "pw-self", "old-password-of-pw-self");
        var other = await SignInAsync(client, "pw-self", "old-password-of-pw-self");

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/users/me/password")
        {
            Content = JsonContent.Create(new { currentPassword = "old-password-of-pw-self", newPassword = "new-password-of-pw-self" }),
        };
        request.Headers.Add("Cookie", asking);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(Store.VerifyPassword("pw-self", "old-password-of-pw-self"));
        Assert.NotNull(Store.VerifyPassword("pw-self", "new-password-of-pw-self"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, other));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, asking));
        var renewed = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-factorytwin=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(client, renewed));
        var audit = server.Host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "password-changed" && e.Actor == "pw-self");
    }

    [Fact]
    public async Task ChangeOwn_WrongCurrentPassword_Answers400AndKeepsPassword()
    {
        Store.TryAddUser("pw-wrong", Role.Viewer, "password-of-pw-wrong", null, out _);
        var token = Store.IssueToken("pw-wrong", "tests", Role.Viewer, null).Token;
        using var client = server.Host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var response = await client.PostAsJsonAsync(
            "api/v1/users/me/password", new { currentPassword = "not-the-password", newPassword = "another-long-password" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("currentPassword", await DetailAsync(response), StringComparison.Ordinal);
        Assert.NotNull(Store.VerifyPassword("pw-wrong", "password-of-pw-wrong"));
        Assert.Contains(server.Host.App.Services.GetRequiredService<AuditLog>().Recent(), e => e.Kind == "password-change-failed" && e.Actor == "pw-wrong");
    }

    [Theory]
    [InlineData("""{"newPassword":"long-enough-password"}""", "currentPassword")]
    [InlineData("""{"currentPassword":"password-of-pw-rules","newPassword":"short"}""", "newPassword")]
    [InlineData("""{"currentPassword":"password-of-pw-rules"}""", "newPassword")]
    [InlineData("""{"currentPassword":"password-of-pw-rules","newPassword":"             "}""", "newPassword")]
    [InlineData("""{"currentPassword":"password-of-pw-rules","newPassword":"password-of-pw-rules"}""", "newPassword")]
    public async Task ChangeOwn_BadInput_ProblemNamesTheField(string body, string field)
    {
        Store.TryAddUser("pw-rules", Role.Viewer, "password-of-pw-rules", null, out _);
        var token = Store.IssueToken("pw-rules", "tests", Role.Viewer, null).Token;
        using var client = server.Host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var response = await client.PostAsync("api/v1/users/me/password", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + " ", await DetailAsync(response), StringComparison.Ordinal);
        Assert.NotNull(Store.VerifyPassword("pw-rules", "password-of-pw-rules"));
    }

    [Fact]
    public async Task Reset_Admin_SetsPasswordEndsUsersSessionsAndAudits()
    {
        Store.TryAddUser("pw-reset", Role.Viewer, "password-of-pw-reset", null, out _);
        using var anonymous = server.Host.Client();
        var session = await SignInAsync(anonymous, "pw-reset", "password-of-pw-reset");
        using var admin = server.Host.Client(Role.Admin);

        using var response = await admin.PutAsJsonAsync("api/v1/users/pw-reset/password", new { password = "reset-password-of-pw-reset" }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(Store.VerifyPassword("pw-reset", "reset-password-of-pw-reset"));
        Assert.Null(Store.VerifyPassword("pw-reset", "password-of-pw-reset"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(anonymous, session));
        Assert.Contains(server.Host.App.Services.GetRequiredService<AuditLog>().Recent(), e => e.Kind == "password-reset" && e.Actor == "test-admin" && e.Target == "pw-reset");
    }

    [Fact]
    public async Task Reset_ShortPassword_ProblemNamesPasswordAndKeepsOldOne()
    {
        using var admin = server.Host.Client(Role.Admin);

        using var response = await admin.PutAsJsonAsync("api/v1/users/test-viewer/password", new { password = "short" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("password ", await DetailAsync(response), StringComparison.Ordinal);
        Assert.NotNull(Store.VerifyPassword("test-viewer", "password-of-test-viewer"));
    }

    [Fact]
    public async Task DeleteUser_Admin_EndsUsersCookieSessions()
    {
        Store.TryAddUser("pw-deleted", Role.Viewer, "password-of-pw-deleted", null, out _);
        using var anonymous = server.Host.Client();
        var session = await SignInAsync(anonymous, "pw-deleted", "password-of-pw-deleted");
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(anonymous, session));
        using var admin = server.Host.Client(Role.Admin);

        using var response = await admin.DeleteAsync("api/v1/users/pw-deleted", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(anonymous, session));
    }

    private static async Task<string> SignInAsync(HttpClient client, string user, string password)
    {
        var (token, cookie) = await WebSecurityTests.GetFormAsync(client);
        using var response = await WebSecurityTests.PostSignInAsync(client, cookie, token, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-factorytwin=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> MeStatusAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}
