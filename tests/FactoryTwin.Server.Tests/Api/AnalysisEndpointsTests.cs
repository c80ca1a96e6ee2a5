using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>What-if and buffer allocation over REST: engineers run them on the served plant, viewers read the results.</summary>
public sealed class AnalysisEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Same = "apiVersion: factorytwin/v1\nkind: WhatIf\nname: same\nchanges:\n  - buffer: closures-buffer\n    capacity: 6\n";
    private const string Bigger = "apiVersion: factorytwin/v1\nkind: WhatIf\nname: bigger\nchanges:\n  - buffer: framing-merge\n    capacity: 8\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhatIf_EngineerRuns_ViewerReadsTheSameRun()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync("api/v1/whatif", new { scenarios = new[] { Same, Bigger }, replications = 4, durationSeconds = 3600, warmUpSeconds = 0 }, Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var run = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        var id = run.RootElement.GetProperty("id").GetString()!;
        var scenarios = run.RootElement.GetProperty("scenarios");
        Assert.Equal(["same", "bigger"], scenarios.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.All(scenarios[0].GetProperty("differences").EnumerateArray(), d => Assert.Equal(0.0, d.GetProperty("difference").GetDouble()));
        Assert.Equal("test-engineer", run.RootElement.GetProperty("user").GetString());

        using var viewer = server.Host.Client(Role.Viewer);
        using var one = JsonDocument.Parse(await viewer.GetStringAsync($"api/v1/whatif/{id}", Ct));
        using var list = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/whatif", Ct));
        Assert.Equal(4, one.RootElement.GetProperty("replications").GetInt32());
        Assert.Contains(list.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task WhatIf_OnTheCluster_EqualsTheLocalRunnerBitForBit()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var plant = TestPlants.Automotive; // the plant file the server loads
        var bigger = WhatIfScenarioLoader.Parse(Bigger, plant, "scenario 1").Scenario!;
        var local = WhatIfRunner.Run(plant, [bigger], new WhatIfOptions { Replications = 6, Seed = 4, WarmUp = 0, Duration = 3600 }, cancellationToken: Ct);

        using var post = await engineer.PostAsJsonAsync("api/v1/whatif", new { scenarios = new[] { Bigger }, replications = 6, seed = 4, durationSeconds = 3600, warmUpSeconds = 0 }, Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var run = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        var differences = run.RootElement.GetProperty("scenarios")[0].GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(local.Scenarios[0].Differences.Select(d => d.Kpi), differences.Select(d => d.GetProperty("kpi").GetString()));
        for (int k = 0; k < differences.Count; k++)
        {
            var expected = local.Scenarios[0].Differences[k];
            Assert.Equal(Bits(expected.Baseline, expected.Scenario, expected.Difference, expected.HalfWidth, expected.VarianceReduction ?? double.NaN), Bits(differences[k], "baseline", "scenario", "difference", "halfWidth", "varianceReduction"));
        }

        Assert.Contains(local.Scenarios[0].Differences, d => d.Difference != 0);
    }

    [Fact]
    public async Task WhatIf_LiveBaseline_RunsFromTheTwinsStateToTheShiftEnd()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync("api/v1/whatif", new { scenarios = new[] { Same }, replications = 3, baseline = "live" }, Ct);

        var body = await post.Content.ReadAsStringAsync(Ct);
        Assert.True(post.StatusCode == HttpStatusCode.OK, body);
        using var run = JsonDocument.Parse(body);
        Assert.True(run.RootElement.GetProperty("fromLive").GetBoolean());

        // From a snapshot there is no warm-up: the window starts at the snapshot and ends at the end of its shift.
        var window = run.RootElement.GetProperty("windowEndSeconds").GetDouble() - run.RootElement.GetProperty("windowStartSeconds").GetDouble();
        Assert.InRange(window, 1, 7 * 86_400);
        Assert.All(run.RootElement.GetProperty("scenarios")[0].GetProperty("differences").EnumerateArray(), d => Assert.Equal(0.0, d.GetProperty("difference").GetDouble()));
    }

    [Fact]
    public async Task WhatIf_UnknownBaseline_Answers400NamingTheChoices()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync("api/v1/whatif", new { scenarios = new[] { Same }, baseline = "yesterday" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var detail = await post.Content.ReadAsStringAsync(Ct);
        Assert.Contains("baseline must be 'plant'", detail, StringComparison.Ordinal);
        Assert.Contains("'yesterday'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_InvalidScenario_Answers400WithLineAndColumn()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        const string bad = "apiVersion: factorytwin/v1\nkind: WhatIf\nchanges:\n  - buffer: closures-bufer\n    capacity: 6\n";

        using var post = await engineer.PostAsJsonAsync("api/v1/whatif", new { scenarios = new[] { Same, bad } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        Assert.Contains("scenario 2:4:13: error unknown-reference", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"scenarios":["x"],"replications":1}""", "replications must be 2–2000")]
    [InlineData("""{"scenarios":["x"],"durationSeconds":0}""", "durationSeconds")]
    [InlineData("""{"scenarios":[null]}""", "scenario 1 must be non-empty")]
    [InlineData("""{}""", "scenarios must hold 1–10")]
    public async Task WhatIf_BadBody_Answers400NamingTheField(string body, string message)
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsync("api/v1/whatif", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains(message, await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeBuffers_EngineerRuns_ViewerReadsTheSearch()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync(
            "api/v1/optimize/buffers",
            new { line = "body", buffers = new[] { "framing-merge", "closures-buffer" }, budget = 8, replications = 2, maxReplications = 4, maxEvaluations = 6, durationSeconds = 3600, warmUpSeconds = 0 },
            Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var search = JsonDocument.Parse(await post.Content.ReadAsStringAsync(Ct));
        Assert.Equal(8, search.RootElement.GetProperty("allocation").EnumerateArray().Sum(a => a.GetProperty("capacity").GetInt32()));
        Assert.True(search.RootElement.GetProperty("evaluations").GetInt32() >= 1);
        using var viewer = server.Host.Client(Role.Viewer);
        using var list = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/optimize/buffers", Ct));
        Assert.Contains(list.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == search.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task OptimizeBuffers_UnknownLine_Answers400NamingIt()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var post = await engineer.PostAsJsonAsync("api/v1/optimize/buffers", new { line = "nope", budget = 4 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("The plant has no line 'nope'", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static long[] Bits(params double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    private static long[] Bits(JsonElement difference, params string[] names) =>
        [.. names.Select(n => BitConverter.DoubleToInt64Bits(difference.GetProperty(n).ValueKind == JsonValueKind.Null ? double.NaN : difference.GetProperty(n).GetDouble()))];
}
