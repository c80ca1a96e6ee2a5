using Microsoft.Playwright;

namespace FactoryTwin.Dashboard.Tests.EndToEnd;

/// <summary>
/// The dashboard in real headless Chromium against the real server with the virtual plant running at 20× and a burner
/// trip in e-coat oven zone 3 two plant minutes after the start (alarm <c>ecoat-z3-low</c>).
/// </summary>
[Collection(DashboardServerGroup.Name)]
public sealed class DashboardEndToEndTests(DashboardServerFixture server) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Fails any test during which a page logged a console error.</summary>
    public ValueTask DisposeAsync()
    {
        lock (server.BrowserErrors)
        {
            var errors = server.BrowserErrors.ToList();
            var responses = server.Responses.ToList();
            server.BrowserErrors.Clear();
            server.Responses.Clear();
            Assert.True(errors.Count == 0, "browser console errors:\n" + string.Join('\n', errors) + "\nfailed answers:\n" + string.Join('\n', responses)
                + "\nserver log:\n" + string.Join('\n', server.ServerLog.Entries.TakeLast(30)));
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Overview_SignedIn_ChangesAsThePlantRunsWithoutReload()
    {
        server.RequireBrowser();
        var page = await server.SignInAsync(DashboardServerFixture.ViewerUser, DashboardServerFixture.Password);
        await page.GotoAsync("/overview");
        await page.WaitForSelectorAsync("svg.ft-plant-map g.ft-node");
        var before = await SnapshotAsync(page);

        // No reload: the same document must show a different plant state within a minute of plant time at 20×.
        var changed = await PollAsync(async () => await SnapshotAsync(page) != before);

        Assert.True(changed, "the overview did not change; it showed: " + before);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length - 1"));
        await server.ScreenshotAsync(page, "overview-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await server.ScreenshotAsync(page, "overview-1920x1080");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Station_Opened_ShowsItsTrend()
    {
        server.RequireBrowser();
        var page = await server.SignInAsync(DashboardServerFixture.ViewerUser, DashboardServerFixture.Password);
        await page.GotoAsync("/overview");
        await page.ClickAsync("g.ft-node[data-asset='basecoat'] a");
        await page.WaitForURLAsync("**/stations/basecoat");
        await WaitOrExplainAsync(page, "#station-state");

        var drawn = await PollAsync(async () =>
            await page.Locator("#trend polyline.ft-series").CountAsync() > 0
            && !string.IsNullOrEmpty(await page.Locator("#trend polyline.ft-series").First.GetAttributeAsync("points")));

        await server.ScreenshotAsync(page, "station");
        Assert.True(drawn, "the station trend stayed empty: " + await page.Locator("#station-page").InnerTextAsync());
        await page.ClickAsync("button[data-range='30 d']");
        await page.WaitForSelectorAsync("#trend >> text=buckets of 02:00:00");
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for a selector; on a timeout fails with what the page showed and the server's last log lines.</summary>
    private async Task WaitOrExplainAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForSelectorAsync(selector);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{selector} did not appear; the page showed:\n{await page.Locator("body").InnerTextAsync()}\nserver log:\n{string.Join('\n', server.ServerLog.Entries.TakeLast(30))}");
        }
    }

    [Fact]
    public async Task Oven_Opened_ShowsLiveZoneTemperaturesAgainstSetpoints()
    {
        server.RequireBrowser();
        var page = await server.SignInAsync(DashboardServerFixture.ViewerUser, DashboardServerFixture.Password);
        await page.GotoAsync("/ovens/ecoat-oven");
        await page.WaitForSelectorAsync("#oven-zones tr[data-zone='z1']");

        var live = await PollAsync(async () => !(await page.Locator("tr[data-zone='z1'] .ft-zone-air").InnerTextAsync()).Contains('–', StringComparison.Ordinal));
        Assert.True(live, "zone z1 never showed a measured air temperature");
        Assert.Contains("195.0 °C", await page.Locator("tr[data-zone='z1']").InnerTextAsync(), StringComparison.Ordinal);
        var trend = await PollAsync(async () => !string.IsNullOrEmpty(await page.Locator(".ft-zone-chart[data-zone='z3'] polyline.ft-series").GetAttributeAsync("points")));
        Assert.True(trend, "the zone air temperature chart stayed empty");

        // Bodies reach the e-coat oven only after the body shop and pretreatment; select one when there is one.
        if (await page.Locator(".ft-select-body").CountAsync() > 0)
        {
            await page.Locator(".ft-select-body").First.ClickAsync();
            await page.WaitForSelectorAsync("#body-curves polyline.ft-series");
        }

        await server.ScreenshotAsync(page, "oven");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Alarm_AsOperator_IsAcknowledged()
    {
        server.RequireBrowser();
        var page = await server.SignInAsync(DashboardServerFixture.OperatorUser, DashboardServerFixture.Password);
        await page.GotoAsync("/alarms");
        var row = page.Locator("tr[data-alarm='ecoat-z3-low']");
        await WaitForAlarmAsync(page, row.Locator(".ft-ack"));
        await server.ScreenshotAsync(page, "alarms-operator");

        await row.Locator(".ft-ack").ClickAsync();

        await page.WaitForSelectorAsync("#alarm-message >> text=Acknowledged ecoat-z3-low");
        var acknowledged = await PollAsync(async () => (await row.InnerTextAsync()).Contains(DashboardServerFixture.OperatorUser, StringComparison.Ordinal));
        Assert.True(acknowledged, "the alarm row never named the operator as acknowledger");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Alarm_AsViewer_HasNoAcknowledgeButtonAndTheApiRefuses()
    {
        server.RequireBrowser();
        var page = await server.SignInAsync(DashboardServerFixture.ViewerUser, DashboardServerFixture.Password);
        await page.GotoAsync("/alarms");
        await WaitForAlarmAsync(page, page.Locator("tr[data-alarm='ecoat-z3-low']"));

        Assert.Equal(0, await page.Locator(".ft-ack").CountAsync());
        Assert.Equal(0, await page.Locator(".ft-shelve").CountAsync());
        Assert.True(await page.Locator("#alarm-readonly").IsVisibleAsync());
        var response = await page.Context.APIRequest.PostAsync(
            server.BaseUrl + "/api/v1/alarms/ecoat-oven/ecoat-z3-low/acknowledge", new() { DataObject = new { comment = "viewer tries" } });
        Assert.Equal(403, response.Status);
        await server.ScreenshotAsync(page, "alarms-viewer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ForecastAndAdmin_Open_WithoutErrors()
    {
        server.RequireBrowser();
        var page = await server.SignInAsAdminAsync();
        await page.GotoAsync("/forecast");
        await page.WaitForSelectorAsync("#forecast-page");
        await server.ScreenshotAsync(page, "forecast");
        await page.GotoAsync("/admin");
        await page.WaitForSelectorAsync($"#admin-users tr[data-user='{DashboardServerFixture.ViewerUser}']");
        await server.ScreenshotAsync(page, "admin");
        await page.Context.CloseAsync();

        var viewer = await server.SignInAsync(DashboardServerFixture.ViewerUser, DashboardServerFixture.Password);
        await viewer.GotoAsync("/admin");
        Assert.Equal(0, await viewer.Locator("#admin-users").CountAsync());
        await viewer.Context.CloseAsync();
    }

    [Fact]
    public async Task Orders_ScheduleImported_ThePlantReleasesItAndThePageShowsTheOrderInProgress()
    {
        server.RequireBrowser();
        var page = await server.SignInAsAdminAsync();
        var now = TimeProvider.System.GetUtcNow();
        var document = ScheduleDocuments.OneOrder(
            "sedan", "white", "500", "body", now.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture),
            now.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture), "E2E-1");
        var imported = await page.Context.APIRequest.PostAsync(
            server.BaseUrl + "/api/v1/mes/schedule", new() { Data = document, Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" } });
        Assert.True(imported.Ok, await imported.TextAsync());

        await page.GotoAsync("/orders");
        await WaitOrExplainAsync(page, "#orders-table tr[data-order='E2E-1']");
        await WaitOrExplainAsync(page, "#orders-table tr[data-order='E2E-1'][data-status='in-progress']");
        await server.ScreenshotAsync(page, "orders");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Fits_AsAdmin_RunsAFitFromThePageAndShowsIt()
    {
        server.RequireBrowser();
        var page = await server.SignInAsAdminAsync();
        await page.GotoAsync("/fit");
        await WaitOrExplainAsync(page, "#fit-run");
        await page.ClickAsync("#fit-run");
        await WaitOrExplainAsync(page, "#fit-latest");
        await server.ScreenshotAsync(page, "fits");
        await page.Context.CloseAsync();

        var viewer = await server.SignInAsync(DashboardServerFixture.ViewerUser, DashboardServerFixture.Password);
        await viewer.GotoAsync("/fit");
        await WaitOrExplainAsync(viewer, "#fit-latest");
        Assert.Equal(0, await viewer.Locator("#fit-run").CountAsync());
        await viewer.Context.CloseAsync();
    }

    /// <summary>Waits for an alarm row; on time-out fails with what the API and the server log say.</summary>
    private async Task WaitForAlarmAsync(IPage page, ILocator locator)
    {
        try
        {
            await locator.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            var alarms = await (await page.Context.APIRequest.GetAsync(server.BaseUrl + "/api/v1/alarms")).TextAsync();
            var ingestion = await (await page.Context.APIRequest.GetAsync(server.BaseUrl + "/api/v1/ingestion")).TextAsync();
            Assert.Fail($"the alarm never showed.\nalarms: {alarms}\ningestion: {ingestion}\nserver log:\n{string.Join('\n', server.ServerLog.Entries.TakeLast(30))}");
        }
    }

    private static async Task<string> SnapshotAsync(IPage page) =>
        await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('g.ft-node')].map(n => (n.getAttribute('data-state') || '') + (n.querySelector('.ft-node-level')?.textContent || '')).join('|')"
            + " + document.querySelector('#line-kpis')?.textContent");

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(Patience.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, Xunit.TestContext.Current.CancellationToken);
        }

        return false;
    }
}
