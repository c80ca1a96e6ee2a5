using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FactoryTwin.Historian;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Mes;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Mes;

/// <summary>The MES endpoints on a real server: schedule in, plan versus actual from the historian, performance out.</summary>
public sealed class MesEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly XNamespace B2mml = B2mmlSchemas.Namespace;

    // Friday 4 December 2026, late shift: 14:00–22:00 in Berlin, 13:00–21:00 UTC.
    private static readonly DateTimeOffset LateShift = new(2026, 12, 4, 13, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    private static StringContent Xml(string text) => new(text, Encoding.UTF8, "application/xml");

    /// <summary>Two orders for Friday's late shift: 3 white sedans, 2 black SUVs.</summary>
    private static string FridaySchedule(string colour = "white") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <OperationsSchedule xmlns="http://www.mesa.org/xml/B2MML">
          <ID>FRI-LATE</ID>
          <StartTime>2026-12-04T14:00:00+01:00</StartTime>
          <EndTime>2026-12-04T22:00:00+01:00</EndTime>
          <OperationsRequest>
            <ID>F-1</ID>
            <SegmentRequirement>
              <MaterialRequirement>
                <MaterialDefinitionID>sedan</MaterialDefinitionID>
                <MaterialUse>Produced</MaterialUse>
                <Quantity><QuantityString>3</QuantityString></Quantity>
                <MaterialRequirementProperty><ID>colour</ID><Value><ValueString>{colour}</ValueString></Value></MaterialRequirementProperty>
              </MaterialRequirement>
            </SegmentRequirement>
          </OperationsRequest>
          <OperationsRequest>
            <ID>F-2</ID>
            <SegmentRequirement>
              <MaterialRequirement>
                <MaterialDefinitionID>suv</MaterialDefinitionID>
                <MaterialUse>Produced</MaterialUse>
                <Quantity><QuantityString>2</QuantityString></Quantity>
                <MaterialRequirementProperty><ID>colour</ID><Value><ValueString>black</ValueString></Value></MaterialRequirementProperty>
              </MaterialRequirement>
            </SegmentRequirement>
          </OperationsRequest>
        </OperationsSchedule>
        """;

    [Fact]
    public async Task PostSchedule_Sample_ImportsPersistsAndAudits()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var response = await engineer.PostAsync("api/v1/mes/schedule", Xml(await File.ReadAllTextAsync(SamplePath, Ct)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("LAK-2026-12-07-EARLY", body.RootElement.GetProperty("id").GetString());
        Assert.Equal(8, body.RootElement.GetProperty("orders").GetInt32());
        Assert.Equal(340, body.RootElement.GetProperty("bodies").GetInt64());
        Assert.Equal(await File.ReadAllBytesAsync(SamplePath, Ct), await File.ReadAllBytesAsync(Path.Combine(server.Host.DataFolder, "mes", ScheduleStore.FileName), Ct));
        Assert.Contains(server.Host.App.Services.GetRequiredService<AuditLog>().Recent(), e => e.Kind == "mes-schedule-imported" && e.Actor == "test-engineer");
    }

    [Fact]
    public async Task PostSchedule_UnknownColour_Answers400WithEveryProblemAndKeepsTheActiveSchedule()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        using var first = await engineer.PostAsync("api/v1/mes/schedule", Xml(FridaySchedule()), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var response = await engineer.PostAsync("api/v1/mes/schedule", Xml(FridaySchedule(colour: "purple").Replace(">2<", ">-2<", StringComparison.Ordinal)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var problems = problem.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(["unknown-colour", "invalid-quantity"], problems.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(13, problems[0].GetProperty("line").GetInt32());
        Assert.Contains("13:", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var viewer = server.Host.Client(Role.Viewer);
        using var active = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/mes/schedule", Ct));
        Assert.Equal("FRI-LATE", active.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostSchedule_MalformedXml_Answers400WithLineAndPosition()
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var response = await engineer.PostAsync("api/v1/mes/schedule", Xml("<OperationsSchedule xmlns=\"http://www.mesa.org/xml/B2MML\">\n  <ID>x</ID>\n  <Oops>"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var first = Assert.Single(problem.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("malformed-xml", first.GetProperty("code").GetString());
        Assert.Equal(3, first.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task PostSchedule_OverTheBodyLimit_Answers413()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var huge = "<OperationsSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"><Description>" + new string('x', 100_000) + "</Description></OperationsSchedule>";

        using var response = await engineer.PostAsync("api/v1/mes/schedule", Xml(huge), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostSchedule_Operator_IsRefused()
    {
        using var op = server.Host.Client(Role.Operator);

        using var response = await op.PostAsync("api/v1/mes/schedule", Xml(FridaySchedule()), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetPerformance_BadShift_Answers400NamingIt()
    {
        using var viewer = server.Host.Client(Role.Viewer);

        using var response = await viewer.GetAsync("api/v1/mes/performance?shift=2026-12-05/early", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("shift '2026-12-05/early'", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPerformance_FridayLateShift_CountsTheHistoriansBodiesPerOrderAndIsSchemaValid()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        using var imported = await engineer.PostAsync("api/v1/mes/schedule", Xml(FridaySchedule()), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var parts = new List<PartEvent>();
        long seq = 1_000_000;
        void Part(string asset, double minutes, PartEventKind kind, string body, string variant, string colour) =>
            parts.Add(new PartEvent(new AssetId(asset), LateShift.AddMinutes(minutes), kind, body, new VariantId(variant), new ColourId(colour), seq++));
        void Ship(string body, string variant, string colour, double at)
        {
            Part("body-release", at, PartEventKind.Enter, body, variant, colour);
            Part("biw-store", at + 60, PartEventKind.Exit, body, variant, colour);
            Part("pretreatment", at + 60, PartEventKind.Enter, body, variant, colour);
            Part("inspection", at + 180, PartEventKind.Exit, body, variant, colour);
            Part("pbs", at + 180, PartEventKind.Enter, body, variant, colour);
            Part("shipped", at + 300, PartEventKind.Enter, body, variant, colour);
        }

        Ship("fri-w1", "sedan", "white", 0);
        Ship("fri-w2", "sedan", "white", 1);
        Ship("fri-k1", "suv", "black", 2);
        Part("body-release", 3, PartEventKind.Enter, "fri-w3", "sedan", "white");
        Part("metal-finish", 40, PartEventKind.Enter, "fri-w3", "sedan", "white");
        Part("metal-finish", 43, PartEventKind.Exit, "fri-w3", "sedan", "white"); // scrapped
        var historian = server.Host.App.Services.GetRequiredService<IHistorian>();
        await historian.AppendAsync(new TelemetryBatch([new SeriesPoint(SeriesId.Of(new AssetId("respot"), SeriesId.StateChannel), LateShift.AddMinutes(30), 4, 1), new SeriesPoint(SeriesId.Of(new AssetId("respot"), SeriesId.StateChannel), LateShift.AddMinutes(37), 0, 2)], parts), Ct);
        using var viewer = server.Host.Client(Role.Viewer);

        using var response = await viewer.GetAsync("api/v1/mes/performance?shift=2026-12-04/late", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct), LoadOptions.SetLineInfo);
        Assert.Empty(B2mmlValidator.Validate(xml));
        Assert.Equal("2026-12-04T13:00:00Z", xml.Root!.Element(B2mml + "StartTime")!.Value);
        Assert.Equal(new Dictionary<string, int> { ["F-1/body"] = 2, ["F-1/paint"] = 2, ["F-1/assembly"] = 2, ["F-2/body"] = 1, ["F-2/paint"] = 1, ["F-2/assembly"] = 1 }, Quantities(xml, "Produced"));
        Assert.Equal(new Dictionary<string, int> { ["F-1/body"] = 1 }, Quantities(xml, "Scrapped"));
        var down = xml.Descendants(B2mml + "EquipmentActual").Single(e => e.Element(B2mml + "EquipmentID")!.Value == "respot").Element(B2mml + "EquipmentActualProperty")!;
        Assert.Equal("down", down.Element(B2mml + "ID")!.Value);
        Assert.Equal("420", down.Element(B2mml + "Value")!.Element(B2mml + "ValueString")!.Value);

        using var progress = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/mes/schedule", Ct));
        var orders = progress.RootElement.GetProperty("orders").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        Assert.Equal((3, 2, 1, "late"), (orders["F-1"].GetProperty("released").GetInt32(), orders["F-1"].GetProperty("completed").GetInt32(), orders["F-1"].GetProperty("scrapped").GetInt32(), orders["F-1"].GetProperty("status").GetString()));
        Assert.Equal((1, 1, "late"), (orders["F-2"].GetProperty("released").GetInt32(), orders["F-2"].GetProperty("completed").GetInt32(), orders["F-2"].GetProperty("status").GetString()));
    }

    [Fact]
    public async Task GetSchedule_OnceTheOrderForecastIsMade_CarriesEachOpenOrdersSimulatedCompletion()
    {
        // Blue sedans: the shared server's historian may hold another test's white sedans of the same Friday window, one of
        // them scrapped, which would count for this order too (an order with a scrapped body is not simulated: the plant
        // releases no replacement, so it is after the horizon).
        await ImportFridayScheduleAsAsync("FORECAST", "FC-", colour: "blue");

        // The refresh the background loop runs on its timer and on each import, made here directly so that the test waits on it.
        var forecast = await server.Host.App.Services.GetRequiredService<OrderForecastRefresh>().RefreshAsync(Ct);
        using var viewer = server.Host.Client(Role.Viewer);
        using var progress = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/mes/schedule", Ct));

        Assert.NotNull(forecast);
        Assert.Equal(["FC-1", "FC-2"], forecast.Orders.Select(o => o.OrderId));
        foreach (var order in progress.RootElement.GetProperty("orders").EnumerateArray())
        {
            // The simulated plant releases the orders' bodies and ships them within the horizon in most replications. In a
            // replication that scraps one of an order's bodies (0.2 % at metal finish and at paint inspection) the order
            // is never complete; when that is more than 5 % of them, the 95 % quantile lies after the horizon and is null.
            var json = order.GetRawText();
            Assert.Equal("simulation", order.GetProperty("completionSource").GetString());
            Assert.InRange(order.GetProperty("onTimeProbability").GetDouble(), 0, 1);
            // The import's own refresh may have finished after this one: the latest of the two answers.
            var horizon = order.GetProperty("forecastHorizon").GetDateTimeOffset();
            Assert.True(horizon >= forecast.Horizon, $"{horizon:O} is the horizon of this forecast or a later one");
            Assert.True(order.GetProperty("completionLow").ValueKind == JsonValueKind.String && order.GetProperty("expectedCompletion").ValueKind == JsonValueKind.String, json);
            var (low, expected) = (order.GetProperty("completionLow").GetDateTimeOffset(), order.GetProperty("expectedCompletion").GetDateTimeOffset());
            var high = order.GetProperty("completionHigh") is { ValueKind: JsonValueKind.String } h ? h.GetDateTimeOffset() : horizon;
            Assert.True(low <= expected && expected <= high && high <= horizon, $"{low:O} ≤ {expected:O} ≤ {high:O} ≤ {horizon:O}: {json}");
            Assert.True(expected > forecast.Instant, "completion lies after the snapshot: " + json);
            Assert.False(order.GetProperty("completesAfterHorizon").GetBoolean(), json);
        }
    }

    [Fact]
    public async Task OrderForecast_ProgressStandsStill_IsNotMadeAgain()
    {
        await ImportFridayScheduleAsAsync("STILL", "ST-");
        var refresh = server.Host.App.Services.GetRequiredService<OrderForecastRefresh>();
        await refresh.RefreshAsync(Ct);

        // No body of the orders moved since: the timer's step keeps the forecast it has instead of simulating again.
        var kept = await refresh.RefreshIfChangedAsync(Ct);
        var keptAgain = await refresh.RefreshIfChangedAsync(Ct);

        Assert.NotNull(kept);
        Assert.Same(kept, keptAgain);
        Assert.Equal(["ST-1", "ST-2"], kept.Orders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task OrderForecast_SameScheduleImportedAgainChanged_IsMadeAgainThoughProgressStandsStill()
    {
        await ImportFridayScheduleAsAsync("AGAIN", "AG-");
        var refresh = server.Host.App.Services.GetRequiredService<OrderForecastRefresh>();
        await refresh.RefreshAsync(Ct);
        var kept = await refresh.RefreshIfChangedAsync(Ct);

        // The MES sends the schedule again under its id with another colour: no body moved, but the plan is another one.
        await ImportFridayScheduleAsAsync("AGAIN", "AG-", colour: "red");
        var remade = await refresh.RefreshIfChangedAsync(Ct);

        Assert.NotNull(kept);
        Assert.NotNull(remade);
        Assert.NotSame(kept, remade);
        Assert.Equal(["AG-1", "AG-2"], remade.Orders.Select(o => o.OrderId));
    }

    /// <summary>Imports the Friday schedule under another schedule id, with its order ids under another prefix than <c>F-</c>.</summary>
    private async Task ImportFridayScheduleAsAsync(string scheduleId, string orderPrefix, string colour = "white")
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var schedule = FridaySchedule(colour).Replace("FRI-LATE", scheduleId, StringComparison.Ordinal).Replace("<ID>F-", "<ID>" + orderPrefix, StringComparison.Ordinal);
        using var imported = await engineer.PostAsync("api/v1/mes/schedule", Xml(schedule), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    [Fact]
    public async Task DashboardSchedule_ActiveSchedule_AnswersAsGetScheduleDoes()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        using var imported = await engineer.PostAsync("api/v1/mes/schedule", Xml(FridaySchedule()), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var viewer = server.Host.Client(Role.Viewer);
        using var api = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/mes/schedule", Ct));

        // The dashboard's Orders page reads through the server's own IDashboardSchedule: the same reader as the endpoint.
        var page = await server.Host.App.Services.GetRequiredService<IDashboardSchedule>().GetProgressAsync(Ct);

        Assert.NotNull(page);
        Assert.Equal(api.RootElement.GetProperty("id").GetString(), page.Id);
        Assert.Equal(
            api.RootElement.GetProperty("orders").EnumerateArray().Select(o => (o.GetProperty("id").GetString(), o.GetProperty("released").GetInt32(), o.GetProperty("completed").GetInt32(), o.GetProperty("scrapped").GetInt32(), o.GetProperty("status").GetString())),
            page.Orders.Select(o => ((string?)o.Id, o.Released, o.Completed, o.Scrapped, (string?)o.Status)));
    }

    /// <summary>The exported quantities of one material use per segment response ("{order}/{line}"), those above 0.</summary>
    internal static Dictionary<string, int> Quantities(XDocument xml, string use) =>
        xml.Descendants(B2mml + "SegmentResponse")
            .SelectMany(s => s.Elements(B2mml + "MaterialActual").Select(m => (Segment: s.Element(B2mml + "ID")!.Value, Material: m)))
            .Where(x => ((string?)x.Material.Element(B2mml + "MaterialUse")!.Attribute("OtherValue") ?? x.Material.Element(B2mml + "MaterialUse")!.Value) == use)
            .Select(x => (x.Segment, Quantity: int.Parse(x.Material.Element(B2mml + "Quantity")!.Element(B2mml + "QuantityString")!.Value, CultureInfo.InvariantCulture)))
            .Where(x => x.Quantity > 0)
            .ToDictionary(x => x.Segment, x => x.Quantity);
}
