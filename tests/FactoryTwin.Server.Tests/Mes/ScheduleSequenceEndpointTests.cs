using System.Net;
using System.Text;
using System.Text.Json;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Server.Tests.Mes;

/// <summary>POST /api/v1/mes/schedule/sequence: engineers re-sequence the active schedule; without one the answer says so.</summary>
public sealed class ScheduleSequenceEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task SequenceSchedule_EngineerWithTheSampleActive_KeepsHardDuesWithNoMoreColourChangesThanScheduleOrder()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        await ImportSampleAsync(engineer);

        using var response = await engineer.PostAsync(
            "api/v1/mes/schedule/sequence", Json("""{"rules":{"maxBatch":60,"due":"hard"},"timeLimitSeconds":3,"workers":1}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        Assert.Equal("LAK-2026-12-07-EARLY", root.GetProperty("schedule").GetString());
        Assert.Equal(340, root.GetProperty("bodies").GetInt64());
        Assert.Equal(Math.Round(8 * 3600 / 415.0, 3), root.GetProperty("taktSeconds").GetDouble());
        var sequencing = root.GetProperty("sequencing");
        Assert.Equal(340, sequencing.GetProperty("sequence").GetArrayLength());
        Assert.Equal(0, sequencing.GetProperty("result").GetProperty("hardViolations").GetInt32());
        Assert.Equal(7, sequencing.GetProperty("baseline").GetProperty("colourChanges").GetInt32());
        Assert.True(sequencing.GetProperty("result").GetProperty("colourChanges").GetInt32() <= 7);
        Assert.All(sequencing.GetProperty("sequence").EnumerateArray(), b => Assert.True(b.GetProperty("position").GetInt32() <= b.GetProperty("due").GetInt32()));
    }

    [Theory]
    [InlineData("""{"taktSeconds":0}""", "taktSeconds must be")]
    [InlineData("""{"rules":{"due":"maybe"}}""", "rules.due must be hard or soft")]
    [InlineData("""{"timeLimitSeconds":61}""", "timeLimitSeconds must be")]
    public async Task SequenceSchedule_BadSettings_Answers400SayingWhatIsWrong(string body, string message)
    {
        using var engineer = server.Host.Client(Role.Engineer);
        await ImportSampleAsync(engineer);

        using var response = await engineer.PostAsync("api/v1/mes/schedule/sequence", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Operator)]
    public async Task SequenceSchedule_BelowEngineer_IsForbidden(Role role)
    {
        using var client = server.Host.Client(role);

        using var response = await client.PostAsync("api/v1/mes/schedule/sequence", Json("{}"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SequenceSchedule_NoScheduleImportedAndNoBody_Answers404ProblemNamingTheImport()
    {
        await using var host = await ServerHost.StartAsync();
        using var engineer = host.Client(Role.Engineer);

        using var response = await engineer.PostAsync("api/v1/mes/schedule/sequence", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("No schedule has been imported", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SequenceSchedule_StoredScheduleNoLongerFitsThePlant_Answers409()
    {
        var folder = Directory.CreateTempSubdirectory("ft-seq-409-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "mes"));
            var text = await File.ReadAllTextAsync(SamplePath, Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "mes", ScheduleStore.FileName), text.Replace(">grey<", ">gray<", StringComparison.Ordinal), Ct);
            await using var host = await ServerHost.StartAsync("--Server:DataFolder=" + folder);
            using var engineer = host.Client(Role.Engineer);

            using var response = await engineer.PostAsync("api/v1/mes/schedule/sequence", Json("{}"), Ct);

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains("no longer fits the plant", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ImportSampleAsync(HttpClient engineer)
    {
        using var imported = await engineer.PostAsync("api/v1/mes/schedule", new StringContent(await File.ReadAllTextAsync(SamplePath, Ct), Encoding.UTF8, "application/xml"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }
}
