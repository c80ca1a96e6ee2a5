using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactoryTwin.Historian;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Fitting;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>
/// The plant fit over REST: engineers fit the served plant from the server's own historian — here filled with a week of
/// <see cref="TestPlants.FitPlant"/>'s simulated history, whose true distributions are the plant file's — and viewers
/// read the runs.
/// </summary>
public sealed class FitEndpointsTests(FitEndpointsTests.FitServer server) : IClassFixture<FitEndpointsTests.FitServer>
{
    private const string From = "2026-11-02T00:00:00Z";
    private const string To = "2026-11-09T00:00:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fit_EngineerOverKnownHistory_RecoversTheDistributionsAndProposesTheDiff()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync("api/v1/fit", new { from = From, to = To }, Ct);

        var body = await post.Content.ReadAsStringAsync(Ct);
        Assert.True(post.StatusCode == HttpStatusCode.OK, body);
        using var run = JsonDocument.Parse(body);
        var report = run.RootElement.GetProperty("report");
        Assert.Equal("test-engineer", run.RootElement.GetProperty("user").GetString());
        Assert.Equal("fit-plant.yaml", report.GetProperty("plant").GetString());
        Assert.Equal(DateTimeOffset.Parse(From, System.Globalization.CultureInfo.InvariantCulture), report.GetProperty("since").GetDateTimeOffset());
        Assert.False(report.GetProperty("written").GetBoolean());
        var stations = report.GetProperty("stations").EnumerateArray().ToDictionary(s => s.GetProperty("station").GetString()!);
        Assert.Equal(["station-a", "station-b"], stations.Keys.Order(StringComparer.Ordinal));

        // Station B's processing time is exponential with mean 40 s in the plant file; its failures run on calendar time.
        var processing = stations["station-b"].GetProperty("processing");
        Assert.Equal("exponential", processing.GetProperty("chosen").GetString());
        var mean = processing.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("family").GetString() == "exponential").GetProperty("parameters")[0];
        Assert.InRange(40.0, mean.GetProperty("lower").GetDouble(), mean.GetProperty("upper").GetDouble());
        Assert.Equal("calendar", stations["station-b"].GetProperty("basis").GetString());
        Assert.Equal(["sedan", "suv"], stations["station-a"].GetProperty("processingByVariant").EnumerateArray().Select(v => v.GetProperty("variant").GetString()).Order(StringComparer.Ordinal));

        // Beside each fit, the plant file's distribution now; and the diff of the file that would apply the fits.
        var values = run.RootElement.GetProperty("plantValues").EnumerateArray()
            .ToDictionary(v => v.GetProperty("station").GetString() + " " + v.GetProperty("field").GetString(), v => v.GetProperty("distribution").GetString());
        Assert.Equal("lognormal(mean 45 s, cv 0.3)", values["station-a processingTime"]);
        Assert.Equal("exponential(mean 240 s)", values["station-b failures[0].timeToRepair"]);
        var diff = report.GetProperty("diff").GetString()!;
        Assert.StartsWith("--- fit-plant.yaml", diff, StringComparison.Ordinal);
        Assert.Contains("processingTime", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_Run_IsTheReportOfTheSharedFitRunOverTheSameHistory()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var since = DateTimeOffset.Parse(From, System.Globalization.CultureInfo.InvariantCulture);
        var until = since.AddDays(2);

        using var post = await engineer.PostAsJsonAsync("api/v1/fit", new { from = since, to = until }, Ct);
        var (direct, _) = await PlantFitRun.RunAsync(
            server.Host.App.Services.GetRequiredService<IHistorian>(), server.Host.App.Services.GetRequiredService<PlantModel>(), "fit-plant.yaml", since, until, null, Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var run = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        Assert.Equal(direct.Diff, run.RootElement.GetProperty("report").GetProperty("diff").GetString());
        Assert.Equal(direct.Changes.Count, run.RootElement.GetProperty("report").GetProperty("changes").GetArrayLength());
        Assert.Equal(
            direct.Stations.Select(s => s.Processing?.Count ?? 0),
            run.RootElement.GetProperty("report").GetProperty("stations").EnumerateArray().Select(s => s.GetProperty("processing").GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Fit_EngineerRuns_ViewerListsAndReadsTheRun()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        using var post = await engineer.PostAsJsonAsync("api/v1/fit", new { from = From, to = "2026-11-03T00:00:00Z" }, Ct);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var run = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        var id = run.RootElement.GetProperty("id").GetString()!;

        using var viewer = server.Host.Client(Role.Viewer);
        using var list = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/fit", Ct));
        using var one = JsonDocument.Parse(await viewer.GetStringAsync($"api/v1/fit/{id}", Ct));

        var newest = list.RootElement[0];
        Assert.Equal(id, newest.GetProperty("id").GetString());
        Assert.Equal(2, newest.GetProperty("stations").GetInt32());
        Assert.False(newest.TryGetProperty("report", out _));
        Assert.Equal(run.RootElement.GetProperty("report").GetProperty("diff").GetString(), one.RootElement.GetProperty("report").GetProperty("diff").GetString());
    }

    [Fact]
    public async Task Fit_RunFromTheDashboard_IsStoredListedAndAuditedAsOverRest()
    {
        // The dashboard's Fits page runs through the server's own IDashboardFits: the same PlantFits as the endpoint.
        var dashboard = server.Host.App.Services.GetRequiredService<IDashboardFits>();
        var since = DateTimeOffset.Parse(From, System.Globalization.CultureInfo.InvariantCulture);

        var outcome = await dashboard.RunAsync(since, since.AddHours(8), "dashboard-engineer", null, Ct);

        Assert.Equal(FitRunStatus.Done, outcome.Status);
        using var viewer = server.Host.Client(Role.Viewer);
        using var list = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/fit", Ct));
        Assert.Equal(outcome.Run!.Id, list.RootElement[0].GetProperty("id").GetString());
        Assert.Equal(outcome.Run.Id, dashboard.Latest()?.Id);
        Assert.Contains(server.Host.App.Services.GetRequiredService<AuditLog>().Recent(), e => e.Kind == "fit-run" && e.Actor == "dashboard-engineer");
    }

    [Fact]
    public async Task Fit_BadRangeFromTheDashboard_IsRefusedWithTheEndpointsWords()
    {
        var dashboard = server.Host.App.Services.GetRequiredService<IDashboardFits>();
        using var engineer = server.Host.Client(Role.Engineer);
        var from = DateTimeOffset.Parse(To, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(From, System.Globalization.CultureInfo.InvariantCulture);

        var outcome = await dashboard.RunAsync(from, to, "dashboard-engineer", null, Ct);
        using var post = await engineer.PostAsJsonAsync("api/v1/fit", new { from, to }, Ct);

        Assert.Equal(FitRunStatus.Invalid, outcome.Status);
        using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        Assert.Equal(outcome.Problem, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Fit_Run_IsAudited()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync("api/v1/fit", new { from = From, to = "2026-11-02T12:00:00Z" }, Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var audit = server.Host.App.Services.GetRequiredService<AuditLog>().Recent();
        Assert.Contains(audit, e => e.Kind == "fit-run" && e.Actor == "test-engineer" && e.Target == "fit-plant.yaml 2026-11-02T00:00:00.0000000+00:00/2026-11-02T12:00:00.0000000+00:00");
    }

    [Fact]
    public async Task Fit_NoBody_FitsTheLast30DaysUpToNow()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsync("api/v1/fit", null, Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var run = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        var report = run.RootElement.GetProperty("report");
        Assert.Equal(TimeSpan.FromDays(PlantFits.DefaultDays), report.GetProperty("until").GetDateTimeOffset() - report.GetProperty("since").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"from":"yesterday"}""", "$.from")]
    [InlineData("""{"to":"2026-13-01T00:00:00Z"}""", "$.to")]
    [InlineData("""{"from":"2026-11-09T00:00:00Z","to":"2026-11-02T00:00:00Z"}""", "to (2026-11-02T00:00:00.0000000+00:00) must be after from (2026-11-09T00:00:00.0000000+00:00)")]
    [InlineData("""{"from":"2026-11-02T00:00:00Z","to":"2026-11-02T00:00:00Z"}""", "to (2026-11-02T00:00:00.0000000+00:00) must be after from")]
    [InlineData("""{"from":"1969-12-31T00:00:00Z"}""", "from must be an RFC 3339 date-time")]
    [InlineData("""{"to":"0001-01-01T00:00:00Z"}""", "to must be an RFC 3339 date-time")]
    [InlineData("""{"from":"2024-01-01T00:00:00Z","to":"2026-01-01T00:00:00Z"}""", "at most 400 days")]
    [InlineData("""{"from":"9999-01-01T00:00:00Z"}""", "must be before now on the plant clock")]
    public async Task Fit_BadRange_Answers400ProblemNamingTheField(string json, string message)
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsync("api/v1/fit", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Operator)]
    public async Task Fit_BelowEngineer_Answers403AndRunsNothing(Role role)
    {
        using var client = server.Host.Client(role);
        int before = server.Host.App.Services.GetRequiredService<AnalysisRuns>().Fits().Count;

        using var post = await client.PostAsJsonAsync("api/v1/fit", new { from = From, to = To }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, server.Host.App.Services.GetRequiredService<AnalysisRuns>().Fits().Count);
    }

    [Fact]
    public async Task Fit_WhileAnotherAnalysisRuns_Answers409()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var runs = server.Host.App.Services.GetRequiredService<AnalysisRuns>();
        Assert.True(runs.TryEnter());
        try
        {
            using var post = await engineer.PostAsJsonAsync("api/v1/fit", new { from = From, to = To }, Ct);

            Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
            Assert.Contains("Another analysis is running", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            runs.Exit();
        }
    }

    [Fact]
    public async Task Fit_UnknownId_Answers404()
    {
        using var viewer = server.Host.Client(Role.Viewer);

        using var get = await viewer.GetAsync("api/v1/fit/no-such-run", Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("There is no fit 'no-such-run'", await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>A server of <see cref="TestPlants.FitPlant"/> (file fit-plant.yaml) whose historian holds a week of its simulated history from 2026-11-02.</summary>
    public sealed class FitServer : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("factorytwin-fit-").FullName;
        private ServerHost? _host;

        internal ServerHost Host => _host ?? throw new InvalidOperationException("Not started.");

        public async ValueTask InitializeAsync()
        {
            var plant = Path.Combine(_folder, "fit-plant.yaml");
            await File.WriteAllTextAsync(plant, TestPlants.FitPlant, TestContext.Current.CancellationToken);
            _host = await ServerHost.StartAsync("--Server:PlantFile=" + plant);
            await SimulatedHistory.WriteAsync(
                _host.App.Services.GetRequiredService<PlantModel>(),
                _host.App.Services.GetRequiredService<IHistorian>(),
                DateTimeOffset.Parse(From, System.Globalization.CultureInfo.InvariantCulture),
                TimeSpan.FromDays(7),
                seed: 3,
                cancellationToken: TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }

            Directory.Delete(_folder, recursive: true);
        }
    }
}
