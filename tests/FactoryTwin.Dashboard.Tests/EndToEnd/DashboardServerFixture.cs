using System.Text.RegularExpressions;
using FactoryTwin.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FactoryTwin.Dashboard.Tests.EndToEnd;

/// <summary>
/// One real FactoryTwin server (in process, HTTPS on a free port, virtual plant running fast) and one headless
/// Debian Chromium for all end-to-end tests. Without /usr/bin/chromium the tests are skipped with <see cref="SkipReason"/>,
/// which names the package and the apt-get command (also printed once by <c>dotnet test</c>, as an xunit diagnostic
/// message: xunit.runner.json), unless CI=true, where that is a failure (.ci/run installs the chromium package). Every
/// browser console error and page error is collected.
/// </summary>
public sealed partial class DashboardServerFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string AdminUser = "admin";
    public const string OperatorUser = "olga-operator";
    public const string ViewerUser = "victor-viewer";
    public const string Password = "e2e-password-123";

    /// <summary>Why the browser tests are skipped when Chromium is missing, and how to install it.</summary>
    public const string SkipReason =
        "Chromium is not installed (" + Chromium + " is missing), so the dashboard's end-to-end browser tests are skipped. "
        + "Install it with: sudo apt-get install -y chromium (README.md lists every Debian package of the full test suite). "
        + "Under CI=true this is a failure.";

    private readonly StringWriter _console = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string? _adminPassword;
    private static int s_reported;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public int MqttPort { get; private set; }

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("factorytwin-dashboard-e2e-").FullName;

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Gets the console and page errors of every page opened so far.</summary>
    public List<string> BrowserErrors { get; } = [];

    /// <summary>Gets the server's warnings and errors.</summary>
    internal ErrorLogCollector ServerLog { get; } = new();

    /// <summary>Gets the answers with an error status seen by any page (to say which resource a console error is about).</summary>
    public List<string> Responses { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        var ports = FreePorts.Take(5);
        MqttPort = ports[1];
        string[] args =
        [
            "--environment=Development",
            "--Server:Port=" + ports[0],
            "--Server:PlantFile=" + Path.Combine(AppContext.BaseDirectory, "plants", "automotive.yaml"),
            "--Server:DataFolder=" + DataFolder,
            "--Server:ApiRequestsPerMinute=100000",
            "--Server:SignInAttemptsPerMinute=1000",
            "--Server:DeviceAuthentication=false",
            "--Historian:DataFolder=" + DataFolder,
            "--Twin:DataFolder=" + DataFolder,
            "--Twin:ForecastReplications=200",
            "--Telemetry:Port=" + ports[1],
            "--Telemetry:TlsPort=" + ports[2],
            "--Server:Orleans:SiloPort=" + ports[3],
            "--Server:Orleans:GatewayPort=" + ports[4],
            "--VirtualPlant:Enabled=true",
            "--VirtualPlant:Port=" + ports[1],
            "--VirtualPlant:Speed=20",

            // The plant clock starts on the last Monday at 07:00 site time: mid-shift, whatever day the tests run.
            "--VirtualPlant:StartDay=Monday",
            "--VirtualPlant:StartTime=07:00",
            "--VirtualPlant:ScenarioFile=" + Path.Combine(AppContext.BaseDirectory, "EndToEnd", "e2e-burner-trip.yaml"),
            "--Dashboard:RefreshInterval=00:00:01",
        ];
        var builder = FactoryTwinServer.CreateBuilder(args);
        builder.Logging.AddProvider(ServerLog);

        // The server names its static web assets manifest after its library, which lacks the framework's own assets
        // (_framework/blazor.web.js); this test assembly is a web app and its manifest has them: add it.
        builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, Path.Combine(AppContext.BaseDirectory, "FactoryTwin.Dashboard.Tests.staticwebassets.runtime.json"));
        builder.WebHost.UseStaticWebAssets();
        _app = FactoryTwinServer.Build(builder, _console);
        await _app.StartAsync(Xunit.TestContext.Current.CancellationToken);
        BaseUrl = "https://127.0.0.1:" + ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        _adminPassword = AdminPasswordLine().Match(_console.ToString()) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("the server printed no first-run admin password:\n" + _console);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // The operator and viewer are created by the admin through the API, signed in with the admin's cookie.
        var admin = await SignInAsync(AdminUser, _adminPassword);
        foreach (var (name, role) in new[] { (OperatorUser, "operator"), (ViewerUser, "viewer") })
        {
            var r = await admin.Context.APIRequest.PostAsync(BaseUrl + "/api/v1/users", new() { DataObject = new { name, role, password = Password } });
            if (r.Status != 201)
            {
                throw new InvalidOperationException($"creating {name} answered {r.Status}: {await r.TextAsync()}");
            }
        }

        await admin.Context.CloseAsync();
    }

    /// <summary>Skips the calling test when Chromium is absent outside CI; fails it in CI.</summary>
    public void RequireBrowser()
    {
        if (Browser is not null)
        {
            return;
        }

        Assert.False(IsCi, $"CI=true but {Chromium} is missing: .ci/run must install the Debian package chromium.");

        // dotnet test shows a skipped test's name but not its reason (unless --logger "console;verbosity=detailed"):
        // say it once per test run as a diagnostic message, which it shows.
        if (Interlocked.Exchange(ref s_reported, 1) == 0)
        {
            Xunit.TestContext.Current.SendDiagnosticMessage(SkipReason);
        }

        Assert.Skip(SkipReason);
    }

    public Task<IPage> SignInAsAdminAsync() => SignInAsync(AdminUser, _adminPassword!);

    /// <summary>Opens a new browser context (1366×768) and signs in through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string user, string password, int width = 1366, int height = 768)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true,
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // The first pages a server renders compile much of the dashboard; on a loaded 2-core machine with other test
        // assemblies running beside this one that took more than Playwright's default 30 s once.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (BrowserErrors)
                {
                    BrowserErrors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (BrowserErrors)
                {
                    Responses.Add($"HTTP {response.Status} {response.Url}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (BrowserErrors)
            {
                BrowserErrors.Add($"{page.Url}: {error}");
            }
        };
        await page.GotoAsync("/signin");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-button");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Saves a screenshot of the page in the test output folder.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _console.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // DuckDB may still hold its file for a moment; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex("with password (\\S+)")]
    private static partial Regex AdminPasswordLine();
}

[CollectionDefinition(Name)]
public sealed class DashboardServerGroup : ICollectionFixture<DashboardServerFixture>
{
    public const string Name = "dashboard server";
}
