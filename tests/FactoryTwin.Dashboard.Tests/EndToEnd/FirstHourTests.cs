using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FactoryTwin.Dashboard.Tests.EndToEnd;

/// <summary>
/// A plant engineer's first hour, against the built <c>factorytwin</c> executable started as the README starts it, at the
/// README's fast-start speed (60×), in real headless Chromium. The plant clock starts Monday 02:30, so the first three and a
/// half wall minutes are off shift (the budget: API reads with a dashboard open, and the server nearly idle once warm), and
/// then the early shift starts at 06:00 and the walk follows its first plant hour. Runs alone, after this assembly's other
/// tests: its server at 60× with a 1000-replication forecast takes a core, which starved the in-process dashboard tests
/// beside it on a 2-core machine (and they, in turn, its sub-second read budget).
/// </summary>
[Collection(nameof(FirstHourTests))]
[CollectionDefinition(nameof(FirstHourTests), DisableParallelization = true)]
public sealed partial class FirstHourTests : IAsyncLifetime
{
    /// <summary>What the server should use off shift, in cores, with one dashboard open (the goal; see the end of the test).</summary>
    private const double OffShiftCpuBudget = 0.10;

    /// <summary>The slowest acceptable API read (the issue's acceptance: a dashboard user must never wait seconds).</summary>
    private static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(1);

    /// <summary>When, after the server's start, the quiet measurement begins, and when it ends (05:40 plant time).</summary>
    private static readonly TimeSpan QuietFrom = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan QuietUntil = TimeSpan.FromSeconds(190);

    private static readonly string[] Reads = ["api/v1/state", "api/v1/kpis", "api/v1/forecast", "api/v1/alarms"];

    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-first-hour-").FullName;
    private readonly List<string> _browserErrors = [];
    private ServeProcess? _server;
    private Stopwatch? _started;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _password = string.Empty;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "first-hour");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(DashboardServerFixture.Chromium))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _server = await ServeProcess.StartAsync(_dir, ServeProcess.Settings(
            ("VirtualPlant__Speed", "60"),
            ("VirtualPlant__StartDay", "Monday"),
            ("VirtualPlant__StartTime", "02:30")));
        _started = Stopwatch.StartNew();
        _password = (await _server.Output.WaitForAsync(PasswordLine(), TimeSpan.FromSeconds(10))).Groups[1].Value;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardServerFixture.Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            _server.Terminate();
            await _server.WaitForExitAsync(TimeSpan.FromSeconds(60));
            _server.Dispose();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // DuckDB may hold its file a moment longer; the temporary folder is the OS's to clean.
        }
    }

    [Fact]
    public async Task FirstHour_AtSixtyTimes_StaysFastOffShiftThenWalksEveryPageWithoutErrors()
    {
        if (_browser is null)
        {
            Assert.False(DashboardServerFixture.IsCi, $"CI=true but {DashboardServerFixture.Chromium} is missing: .ci/run must install the Debian package chromium.");
            Assert.Skip(DashboardServerFixture.SkipReason);
        }

        var server = _server!;
        using var api = Client();
        await SignInAsync(api, "admin", _password);

        // Off shift (Monday 02:30–06:00 plant time), a dashboard open on the overview.
        var page = await OpenAsync();
        await SignInPageAsync(page, "admin", _password);
        Assert.EndsWith("/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#overview-page svg.ft-plant-map g.ft-node");

        // The first forecast (of the early shift, from the empty plant) is made once; wait for it, then measure. Off shift
        // no other forecast is made while the plant stands still.
        // Until it is done a read answers 503 with Retry-After at once, never waiting for it.
        var firstStarted = Stopwatch.StartNew();
        var made = await PollAsync(TimeSpan.FromSeconds(150), async () =>
        {
            using var first = await api.GetAsync("api/v1/forecast", Ct);
            Assert.True(first.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"api/v1/forecast answered {(int)first.StatusCode}");
            return first.StatusCode == HttpStatusCode.OK;
        });
        Assert.True(made, "no forecast within 150 s of the first read");
        var firstForecast = firstStarted.Elapsed;

        var latencies = Reads.ToDictionary(r => r, _ => new List<double>());
        var cpuBefore = CpuSeconds(server.Process);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            foreach (var read in Reads)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await api.GetAsync(read, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                latencies[read].Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{read} answered {(int)response.StatusCode}: {body}");
                using var json = JsonDocument.Parse(body);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System, Ct);
        }

        var readSeconds = wall.Elapsed.TotalSeconds;
        var cores = (CpuSeconds(server.Process) - cpuBefore) / readSeconds;

        // The server with a dashboard open and nothing else asking (the plant's telemetry and the page's live updates),
        // once warm: from QuietFrom after the start (the just-in-time compiler done with what the walk so far ran) to
        // 05:40 plant time, before the shift's start.
        var warm = QuietFrom - _started!.Elapsed;
        if (warm > TimeSpan.Zero)
        {
            await Task.Delay(warm, TimeProvider.System, Ct);
        }

        var quietBefore = CpuSeconds(server.Process);
        var quietWall = Stopwatch.StartNew();
        await Task.Delay(QuietUntil - _started.Elapsed, TimeProvider.System, Ct);
        var quietSeconds = quietWall.Elapsed.TotalSeconds;
        var quietCores = (CpuSeconds(server.Process) - quietBefore) / quietSeconds;
        var figures = string.Join("; ", latencies.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} median {Median(l.Value) * 1000:0} ms, worst {l.Value.Max() * 1000:0} ms")));
        var summary = string.Create(CultureInfo.InvariantCulture, $"first forecast after {firstForecast.TotalSeconds:0} s; off shift at 60x with a dashboard open: server CPU {quietCores * 100:0.0} % of one core (goal {OffShiftCpuBudget * 100:0} %) over {quietSeconds:0} s, {cores * 100:0.0} % while reading the API 80 times in {readSeconds:0} s; {figures}");
        Xunit.TestContext.Current.SendDiagnosticMessage(summary);
        File.WriteAllText(Path.Combine(ScreenshotFolder, "figures.txt"), summary + Environment.NewLine);
        Assert.All(latencies, l => Assert.True(l.Value.Max() < ReadBudget.TotalSeconds, $"a read of {l.Key} took {l.Value.Max():0.000} s: {summary}"));
        await ScreenshotAsync(page, "01-overview-off-shift");

        // The shift starts at 06:00 plant time, three and a half wall minutes after the start: the overview shows it live, no reload.
        var working = await PollAsync(TimeSpan.FromSeconds(120), async () =>
            await page.Locator("g.ft-node[data-state='Working']").CountAsync() > 0);
        Assert.True(working, "no station started working after 06:00: " + await page.Locator("#overview-page").InnerTextAsync());
        await page.Context.CloseAsync();

        // A new session, as the engineer comes back: sign in, and live states within 10 s.
        page = await OpenAsync();
        await SignInPageAsync(page, "admin", _password);
        var live = await PollAsync(TimeSpan.FromSeconds(10), async () =>
            await page.Locator("g.ft-node[data-state='Working'], g.ft-node[data-state='Starved'], g.ft-node[data-state='Blocked']").CountAsync() > 0);
        Assert.True(live, "the overview showed no live station state within 10 s of signing in");
        await ScreenshotAsync(page, "02-overview");

        // The forecast: the shift's actual output rises as the plant runs (no reload).
        await page.ClickAsync("a.ft-nav-link[href='forecast']");
        await page.WaitForSelectorAsync("#forecast-page .ft-forecast");
        var rising = await PollAsync(TimeSpan.FromSeconds(90), async () => await RisingAsync(page.Locator(".ft-forecast[data-line='body'] polyline.ft-series[data-series='actual']")));
        await ScreenshotAsync(page, "03-forecast");
        Assert.True(rising, "the body line's actual output never rose: " + await page.Locator("#forecast-page").InnerTextAsync());
        Assert.DoesNotContain("off shift", await page.Locator(".ft-asof").InnerTextAsync(), StringComparison.Ordinal);

        // A station, from the overview's map.
        await page.ClickAsync("a.ft-nav-link[href='overview']");
        await page.ClickAsync("g.ft-node[data-asset='basecoat'] a");
        await page.WaitForURLAsync("**/stations/basecoat");
        await page.WaitForSelectorAsync("#station-state");
        await ScreenshotAsync(page, "04-station");

        // The oven: live zone temperatures, each zone on its own chart.
        await page.ClickAsync("a.ft-nav-link[href='ovens']");
        await page.WaitForSelectorAsync("#oven-zones tr[data-zone='z1']");
        var zones = await PollAsync(TimeSpan.FromSeconds(30), async () => !string.IsNullOrEmpty(await page.Locator(".ft-zone-chart[data-zone='z1'] polyline.ft-series").GetAttributeAsync("points")));
        Assert.True(zones, "the zone chart stayed empty");
        Assert.Contains("°C", await page.Locator("#oven-zones").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "05-oven");

        // The alarms page lists what is active (or says there is none), never a loading state as if it were data.
        await page.ClickAsync("a.ft-nav-link[href='alarms']");
        await page.WaitForSelectorAsync("#alarms-page");
        await PollAsync(TimeSpan.FromSeconds(10), async () => await page.Locator("#alarms-loading").CountAsync() == 0);
        await ScreenshotAsync(page, "06-alarms");

        // The account page: change the password; the new one signs in, the old one no longer does.
        await page.ClickAsync("#account-link");
        await page.WaitForSelectorAsync("#account-page");
        const string NewPassword = "first-hour-new-password-1";
        await page.FillAsync("#current-password", _password);
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#repeat-password", NewPassword);
        await page.ClickAsync("#change-password");
        await page.WaitForSelectorAsync("#account-message");
        Assert.Contains("was changed", await page.Locator("#account-message").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "07-account");

        // Still signed in on this page (a new cookie), while the API client's old session has ended.
        await page.ClickAsync("a.ft-nav-link[href='overview']");
        await page.WaitForSelectorAsync("#overview-page");
        using (var old = await api.GetAsync("api/v1/state", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        using var fresh = Client();
        await SignInAsync(fresh, "admin", NewPassword);
        await page.Context.CloseAsync();

        lock (_browserErrors)
        {
            Assert.True(_browserErrors.Count == 0, "browser console errors:\n" + string.Join('\n', _browserErrors));
        }

        // The goal (OffShiftCpuBudget) is met with room on a quiet machine (docs/benchmarks.md); a loaded CI machine measures
        // more CPU time for the same work, so the test fails at twice the goal: a forecast re-run off shift, or a commit
        // per message, would each cross that.
        Assert.True(quietCores < 2 * OffShiftCpuBudget, "the server used too much CPU off shift: " + summary);
    }

    /// <summary>An API client that trusts exactly the certificate the server generated, keeps cookies and shows redirects.</summary>
    private HttpClient Client()
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_dir, "data", "server.pfx"), null);
        var thumbprint = certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = _server!.Url };
    }

    private async Task<IPage> OpenAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true,
            BaseURL = _server!.Url!.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_browserErrors)
                {
                    _browserErrors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_browserErrors)
            {
                _browserErrors.Add($"{page.Url}: {error}");
            }
        };
        return page;
    }

    private static async Task SignInPageAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/signin**");
        Assert.Equal(1, await page.Locator("title").CountAsync());
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-button");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    private async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Whether a drawn line has at least three points and ends higher than it starts (SVG y grows downwards).</summary>
    private static async Task<bool> RisingAsync(ILocator polyline)
    {
        if (await polyline.CountAsync() == 0 || await polyline.First.GetAttributeAsync("points") is not { Length: > 0 } points)
        {
            return false;
        }

        var ys = points.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        return ys.Count >= 3 && ys[^1] < ys[0];
    }

    /// <summary>The CPU time the process has used, user and system, from /proc (Linux).</summary>
    private static double CpuSeconds(Process process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var html = await client.GetStringAsync("signin", Ct);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        using var response = await client.PostAsync(
            "account/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token }),
            Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/", $"signing in as {user} answered {(int)response.StatusCode} to {response.Headers.Location}");
    }

    private static async Task<bool> PollAsync(TimeSpan patience, Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, Ct);
        }

        return await condition();
    }

    [GeneratedRegex(@"^First run: created user 'admin' with password (\S+)$")]
    private static partial Regex PasswordLine();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
