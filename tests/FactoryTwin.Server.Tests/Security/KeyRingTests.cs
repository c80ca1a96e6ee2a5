using System.Net;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Security;

/// <summary>The cookie-signing keys belong to the instance: they live in its data folder, not in the OS user's home.</summary>
public sealed class KeyRingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cookie_FromSecondInstanceWithOwnDataFolder_Answers401()
    {
        await using var first = await ServerHost.StartAsync();
        await using var second = await ServerHost.StartAsync();
        using var firstClient = first.Client();
        using var secondClient = second.Client();
        var cookie = await SessionTests.SignInAsync(firstClient, "test-admin", "password-of-test-admin");
        Assert.Equal(HttpStatusCode.OK, await SessionTests.StatusAsync(firstClient, "api/v1/users", cookie));

        var status = await SessionTests.StatusAsync(secondClient, "api/v1/users", cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        // Not only refused by the second instance's users: its keys cannot even read the first instance's ticket.
        var format = second.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        Assert.Null(format.Unprotect(cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task KeyRing_AfterSignIn_IsInTheDataFolderOwnerOnly()
    {
        await using var host = await ServerHost.StartAsync();
        using var client = host.Client();

        await SessionTests.SignInAsync(client, "test-viewer", "password-of-test-viewer");

        var folder = Path.Combine(host.DataFolder, "keys");
        var keys = Directory.GetFiles(folder, "key-*.xml");
        Assert.NotEmpty(keys);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var key in keys)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }
        }
    }

    [Fact]
    public async Task Cookie_AfterRestartOnSameDataFolder_StillSignedIn()
    {
        var folder = Directory.CreateTempSubdirectory("factorytwin-restart-").FullName;
        try
        {
            string cookie;
            await using (var before = await ServerHost.StartAsync("--Server:DataFolder=" + folder))
            {
                using var client = before.Client();
                cookie = await SessionTests.SignInAsync(client, "test-viewer", "password-of-test-viewer");
            }

            await using var after = await ServerHost.StartAsync("--Server:DataFolder=" + folder);
            using var again = after.Client();

            Assert.Equal(HttpStatusCode.OK, await SessionTests.StatusAsync(again, "api/v1/me", cookie));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
