using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>The endpoints served by the live twin's grains in the co-hosted silo.</summary>
public sealed class TwinEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kpis_Viewer_OneEntryPerLine()
    {
        using var client = server.Host.Client(Role.Viewer);

        using var doc = JsonDocument.Parse(await client.GetStringAsync("api/v1/kpis", Ct));

        var lines = doc.RootElement.EnumerateArray().Select(l => l.GetProperty("line").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["assembly", "body", "paint"], lines);
    }

    [Fact]
    public async Task Alarms_Viewer_AnswersAPage()
    {
        using var client = server.Host.Client(Role.Viewer);

        using var doc = JsonDocument.Parse(await client.GetStringAsync("api/v1/alarms", Ct));

        Assert.Equal(1, doc.RootElement.GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task Acknowledge_UnknownAlarmOnRealAsset_Answers404Or409()
    {
        using var client = server.Host.Client(Role.Operator);

        using var response = await client.PostAsJsonAsync("api/v1/alarms/ecoat-oven/no-such-alarm/acknowledge", new { comment = "x" }, Ct);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Conflict });
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public async Task Shelve_MinutesOutOfRange_Answers400(int minutes)
    {
        using var client = server.Host.Client(Role.Operator);

        using var response = await client.PostAsJsonAsync("api/v1/alarms/ecoat-oven/no-such-alarm/shelve", new { minutes }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OvenBodies_RealOven_AnswersAList()
    {
        using var client = server.Host.Client(Role.Viewer);

        using var response = await client.GetAsync("api/v1/ovens/ecoat-oven/bodies", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
    }

    [Fact]
    public async Task RunForecast_Engineer_ForecastsEveryLine()
    {
        using var client = server.Host.Client(Role.Engineer);

        using var response = await client.PostAsync("api/v1/forecast", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, doc.RootElement.GetProperty("lines").GetArrayLength());
        var metrics = await client.GetStringAsync("metrics", Ct);
        Assert.Contains("factorytwin_server_forecast_duration_seconds_count", metrics, StringComparison.Ordinal);
    }
}
