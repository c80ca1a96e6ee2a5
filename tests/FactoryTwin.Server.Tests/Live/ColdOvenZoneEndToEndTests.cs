using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FactoryTwin.Historian;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.VirtualPlant;
using FactoryTwin.VirtualPlant.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace FactoryTwin.Server.Tests.Live;

/// <summary>
/// A cold topcoat-oven zone, end to end: the virtual plant (real MQTT to the real server, device credentials) holds zone
/// 3 of the topcoat oven 30 K below its setpoint from 2.5 h on. The oven judges each leaving body with the twin's
/// predictor, so the bodies through the cold zone go to the repaint queue in the emulator; the twin, predicting from the
/// same published readings, raises its under-cure alarm for them while they are inside; the historian's part records
/// list each of them with its verdict and route; and the MES performance export of the shift (the plant releases by an
/// imported one-order schedule) lists each of them as under-cured.
/// </summary>
public sealed class ColdOvenZoneEndToEndTests : IDisposable
{
    private const double ColdFrom = 9000; // 2.5 h in: the first bodies reach the topcoat oven after about 75 min
    private const double HoldAt = ColdFrom + 2400; // 40 min after: every body inside entered after the zone went cold
    private static readonly AssetId TopcoatOven = new("topcoat-oven");
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-cold-zone-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ColdZone_BodiesGoToRepaint_TwinAlarmsThem_HistorianListsThemWithTheirVerdict()
    {
        // The run is replayed in plant time (StampPlantTime): it starts at the plant's first shift start of this week,
        // up to a week back, so the server takes telemetry that old.
        await using var server = await ServerHost.StartAsync("--Telemetry:MaxAge=8.00:00:00");
        var plant = server.App.Services.GetRequiredService<PlantModel>();
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var gateway in plant.Gateways)
        {
            passwords[gateway.Id.Value] = await IssueAsync(server, gateway.Id.Value);
        }

        var scenario = ScenarioLoader.Parse(
            "apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n  - { type: cold-zone, sensor: topcoat-oven-z3-air, at: 150 min, drop: 30 K }\n", plant);
        Assert.True(scenario.Success, string.Join(Environment.NewLine, scenario.Diagnostics));
        var truthPath = Path.Combine(_folder, "truth.jsonl");
        var options = new VirtualPlantOptions
        {
            Speed = 0,
            Seed = 11,
            Duration = HoldAt + 2700,
            Port = server.MqttPort,
            Passwords = passwords,
            SampleInterval = 10,
            BatchInterval = 10,
            StampPlantTime = true,
            GroundTruthFile = truthPath,
        };
        await using var emulator = new VirtualPlantEmulator(plant, options, scenario.Scenario);

        // One order for the whole run, imported into the server's MES interface and released by the plant.
        var start = emulator.ReplayOrigin!.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plant.Site.TimeZone);
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        using (var engineer = server.Client(Role.Engineer))
        {
            var document = ScheduleDocuments.OneOrder("sedan", "white", "1000", "body", Local(start), Local(start.AddHours(12)), "COLD-1");
            using var imported = await engineer.PostAsync("api/v1/mes/schedule", new StringContent(document, Encoding.UTF8, "application/xml"), Ct);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        emulator.UseSchedule(new ReleaseSchedule("S-1", [new ReleaseOrder("COLD-1", new VariantId("sedan"), new ColourId("white"), 1000, start, new LineId("body"))]));
        var held = emulator.HoldAtAsync(HoldAt);
        var run = emulator.RunAsync(TimeSpan.FromSeconds(60), Ct);
        var origin = await held.WaitAsync(TimeSpan.FromSeconds(120), Ct);

        // Held with everything up to then published: the twin sees the bodies inside and the cold zone.
        var oven = server.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAssetTwinGrain>(TopcoatOven.Value);
        var alarmed = new HashSet<string>(StringComparer.Ordinal);
        AssetTwinView? view = null;
        await Poll.UntilAsync(
            async ct =>
            {
                await oven.EvaluateAsync(ct);
                view = await oven.GetViewAsync(ct);
                foreach (var a in await oven.GetAlarmsAsync(ct))
                {
                    if (a.ConditionActive && a.Alarm.StartsWith(TopcoatOven.Value + ":under-cure:", StringComparison.Ordinal))
                    {
                        alarmed.Add(a.Alarm[(TopcoatOven.Value + ":under-cure:").Length..]);
                    }
                }

                return alarmed.Count >= 10;
            },
            TimeSpan.FromSeconds(60),
            () => $"{alarmed.Count} under-cure alarms; {view?.Bodies.Length} bodies inside, cure {string.Join(", ", view?.Cure.Select(c => $"{c.PartId} {c.Verdict} {c.Margin:F2}") ?? [])}; zone air {string.Join(", ", view?.Measurements.Select(m => m.ToString()) ?? [])}; last {view?.LastTelemetry} held at {origin}",
            Ct);
        emulator.Resume();
        var summary = await run;
        Assert.True(summary.Drained);

        // The emulator: bodies that left the oven before the zone went cold cured; bodies that entered after it had
        // settled went to the repaint queue instead of on to inspection, among them every body the twin alarmed.
        var truth = File.ReadAllLines(truthPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var entered = new Dictionary<string, double>(StringComparer.Ordinal);
        var exits = new List<(string Body, double Time, string? Cure, string? Route)>();
        foreach (var e in truth.Where(e => e.GetProperty("kind").GetString() == "part" && e.GetProperty("asset").GetString() == TopcoatOven.Value))
        {
            var body = e.GetProperty("part").GetString()!;
            var t = e.GetProperty("t").GetDouble();
            if (e.GetProperty("event").GetString() == "enter")
            {
                entered[body] = t;
            }
            else
            {
                exits.Add((body, t, e.TryGetProperty("cure", out var c) ? c.GetString() : null, e.TryGetProperty("route", out var r) ? r.GetString() : null));
            }
        }

        Assert.All(exits, x => Assert.NotNull(x.Cure));
        var before = exits.Where(x => x.Time < ColdFrom).ToList();
        Assert.True(before.Count >= 10, $"{before.Count} bodies left the oven before the zone went cold");
        Assert.All(before, x => Assert.Equal(("ok", (string?)null), (x.Cure, x.Route)));
        var repainted = exits.Where(x => entered[x.Body] > ColdFrom + 600).ToList();
        Assert.True(repainted.Count >= 20, $"{repainted.Count} bodies passed the cold zone");
        Assert.All(repainted, x => Assert.Equal(("under-cured", (string?)"repaint-queue"), (x.Cure, x.Route)));
        var routed = exits.Where(x => x.Route is not null).Select(x => x.Body).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(routed, alarmed);

        // The historian: every judged exit, with the verdict and route the emulator decided.
        var historian = server.App.Services.GetRequiredService<IHistorian>();
        var records = (await historian.QueryPartEventsAsync(origin.AddHours(-2), origin.AddHours(2), TopcoatOven, Ct))
            .Where(p => p.Kind == PartEventKind.Exit).ToList();
        Assert.Equal(
            exits.Select(x => (x.Body, x.Cure, x.Route)).Order(),
            records.Select(p => (p.PartId, (string?)Name(p.Cure), p.Route?.Value)).Order());
        Assert.Subset(records.Where(p => p.Cure == PartCure.UnderCured && p.Route == new AssetId("repaint-queue")).Select(p => p.PartId).ToHashSet(StringComparer.Ordinal), alarmed);

        // The MES export of the shift: every body sent to the repaint queue is listed under-cured, every body that left
        // the oven before the zone went cold as cured.
        using var viewer = server.Client(Role.Viewer);
        using var response = await viewer.GetAsync($"api/v1/mes/performance?shift={TimeZoneInfo.ConvertTime(start, zone):yyyy-MM-dd}/early", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct), LoadOptions.SetLineInfo);
        Assert.Empty(B2mmlValidator.Validate(xml));
        XNamespace b2mml = B2mmlSchemas.Namespace;
        var exported = xml.Descendants(b2mml + "SegmentData")
            .Where(d => d.Element(b2mml + "Description")?.Value == "body")
            .ToDictionary(
                d => d.Element(b2mml + "ID")!.Value,
                d => d.Elements(b2mml + "SegmentData").Single(v => v.Element(b2mml + "ID")!.Value == "cure-verdict").Element(b2mml + "Value")!.Element(b2mml + "ValueString")!.Value,
                StringComparer.Ordinal);
        Assert.All(routed, b => Assert.Equal("under-cured", exported.GetValueOrDefault(b)));
        Assert.All(before, x => Assert.Equal("ok", exported.GetValueOrDefault(x.Body)));
    }

    private static string? Name(PartCure? cure) => cure switch
    {
        PartCure.Ok => "ok",
        PartCure.UnderCured => "under-cured",
        PartCure.OverBaked => "over-baked",
        _ => null,
    };

    private static async Task<string> IssueAsync(ServerHost server, string gateway)
    {
        using var admin = server.Client(Role.Admin);
        using var response = await admin.PostAsJsonAsync("api/v1/devices", new { id = gateway }, Ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("password").GetString()!;
    }
}
