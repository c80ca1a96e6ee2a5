using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Settings;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>Run-time settings: engineers replace them, they persist in the data folder and the live twin's forecast uses them.</summary>
public sealed class SettingsEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_Engineer_PersistsAppliesToForecastAndAudits()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var put = await engineer.PutAsJsonAsync(
            "api/v1/settings", new { lineTargets = new Dictionary<string, int> { ["body"] = 123 }, forecastIntervalSeconds = 120, forecastReplications = 7 }, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var viewer = server.Host.Client(Role.Viewer);
        using var read = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/settings", Ct));
        Assert.Equal(123, read.RootElement.GetProperty("lineTargets").GetProperty("body").GetInt32());
        Assert.Equal(120, read.RootElement.GetProperty("forecastIntervalSeconds").GetInt32());
        Assert.Equal(7, read.RootElement.GetProperty("forecastReplications").GetInt32());
        Assert.Equal("test-engineer", read.RootElement.GetProperty("updatedBy").GetString());

        // The twin reads the new values at its next forecast.
        using var run = await engineer.PostAsync("api/v1/forecast", null, Ct);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        using var forecast = JsonDocument.Parse(await run.Content.ReadAsStringAsync(Ct));
        Assert.Equal(7, forecast.RootElement.GetProperty("replications").GetInt32());
        var body = forecast.RootElement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == "body");
        Assert.Equal(123, body.GetProperty("output").GetProperty("target").GetInt32());

        // The KPIs show the target in force.
        using var kpis = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/kpis", Ct));
        Assert.Equal(123, kpis.RootElement.EnumerateArray().Single(l => l.GetProperty("line").GetString() == "body").GetProperty("shiftTarget").GetInt32());

        // Persisted beside the security store: a new store on the same folder reads them back.
        var services = server.Host.App.Services;
        var reloaded = new RuntimeSettingsStore(
            services.GetRequiredService<IOptions<ServerOptions>>(), services.GetRequiredService<IOptions<TwinOptions>>(), services.GetRequiredService<PlantModel>());
        Assert.Equal(7, reloaded.ForecastReplications);
        Assert.Equal(TimeSpan.FromSeconds(120), reloaded.ForecastInterval);
        Assert.Equal(123, reloaded.LineTargets["body"]);
        Assert.True(File.Exists(Path.Combine(server.Host.DataFolder, RuntimeSettingsStore.FileName)));
        Assert.Contains(services.GetRequiredService<AuditLog>().Recent(), e => e.Kind == "settings-changed" && e.Actor == "test-engineer");
    }

    [Theory]
    [InlineData("""{"forecastReplications":0}""", "forecastReplications")]
    [InlineData("""{"forecastReplications":100001}""", "forecastReplications")]
    [InlineData("""{"forecastIntervalSeconds":5}""", "forecastIntervalSeconds")]
    [InlineData("""{"lineTargets":{"no-such-line":100}}""", "lineTargets.no-such-line")]
    [InlineData("""{"lineTargets":{"paint":-1}}""", "lineTargets.paint")]
    public async Task Put_BadValue_ProblemNamesTheFieldAndChangesNothing(string body, string field)
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var before = await engineer.GetStringAsync("api/v1/settings", Ct);

        using var response = await engineer.PutAsync("api/v1/settings", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith(field + " ", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await engineer.GetStringAsync("api/v1/settings", Ct));
    }
}
