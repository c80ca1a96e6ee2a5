using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FactoryTwin.Historian;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.TestSupport;
using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Tests.Mes;

/// <summary>
/// Import → release → actual → export on the automotive sample at 60×: the server's own virtual plant (the main job's
/// setup) releases bodies by the imported schedule; the exported performance counts, per order and line, exactly the
/// bodies the historian recorded for the bodies the plant released for that order, produced and scrapped.
/// </summary>
public sealed class ScheduleRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-mes-round-trip-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sample_At60x_ThePlantReleasesByIt_AndTheExportEqualsTheHistoriansCountsPerOrder()
    {
        var truthPath = Path.Combine(_folder, "truth.jsonl");
        await using var server = await ServerHost.StartAsync(
            "--Server:Emulator=true",
            "--VirtualPlant:Speed=60",
            "--VirtualPlant:StartDay=Monday",
            "--VirtualPlant:StartTime=05:45",
            "--VirtualPlant:Resume=false",
            "--VirtualPlant:GroundTruthFile=" + truthPath);
        var plant = server.App.Services.GetRequiredService<PlantModel>();
        var clock = server.App.Services.GetRequiredKeyedService<TimeProvider>(PlantClock.ServiceKey);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plant.Site.TimeZone);
        var monday = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        Assert.True(monday.DayOfWeek == DayOfWeek.Monday && monday.TimeOfDay < new TimeSpan(6, 0, 0), $"the plant clock is at {monday:O}");
        var shiftStart = new DateTimeOffset(monday.Date.AddHours(6), zone.GetUtcOffset(monday.Date.AddHours(6)));

        // The sample, moved to this Monday (it is written for 7 December 2026, +01:00).
        var offset = shiftStart.Offset;
        var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml"))
            .Replace("2026-12-07T", monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T", StringComparison.Ordinal)
            .Replace("+01:00", (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var engineer = server.Client(Role.Engineer);
        using (var imported = await engineer.PostAsync("api/v1/mes/schedule", new StringContent(sample, Encoding.UTF8, "application/xml"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        Assert.True(clock.GetUtcNow() < shiftStart, "the schedule was imported before the early shift began");

        // Two plant hours of the early shift (two minutes).
        using var viewer = server.Client(Role.Viewer);
        await Poll.UntilAsync(_ => ValueTask.FromResult(clock.GetUtcNow() >= shiftStart.AddHours(2)), TimeSpan.FromMinutes(5), () => $"plant clock at {clock.GetUtcNow():O}", Ct);
        await server.App.Services.GetRequiredService<VirtualPlantHostedService>().StoppingAsync(Ct);
        var historian = server.App.Services.GetRequiredService<IHistorian>();
        var events = await SettledPartEventsAsync(historian, shiftStart.AddHours(-1), clock.GetUtcNow().AddHours(1));

        // The plant: every body released from the shift start on was released for an order. A body it made before (the
        // source makes its next body at once and holds it until the line takes it, at 06:00) is the mix's: unscheduled.
        var truth = File.ReadAllLines(truthPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var released = truth.Where(e => e.GetProperty("kind").GetString() == "part" && e.GetProperty("asset").GetString() == "body-release" && e.GetProperty("event").GetString() == "enter")
            .Select(e => (Body: e.GetProperty("part").GetString()!, Time: e.GetProperty("t").GetDouble(), Order: e.TryGetProperty("order", out var o) ? o.GetString() : null))
            .ToList();
        Assert.True(released.Count >= 60, $"{released.Count} bodies released in two hours");
        var before = released.Where(b => b.Order is null).ToList();
        Assert.All(before, b => Assert.True(b.Time < 15 * 60, $"{b.Body} made at {b.Time} s without an order"));
        Assert.True(before.Count <= 1, $"{before.Count} bodies made before the shift");
        var orderOf = released.ToDictionary(b => b.Body, b => b.Order, StringComparer.Ordinal);
        var sequence = released.Where(b => b.Order is not null).Select(b => b.Order!).Distinct().ToList();
        Assert.Equal(["LAK-1001", "LAK-1002"], sequence.Take(2));
        var hosted = server.App.Services.GetRequiredService<VirtualPlantHostedService>().ReleasedByOrder!;
        var releasedPerOrder = released.Where(b => b.Order is not null).CountBy(b => b.Order!).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(releasedPerOrder, hosted.Where(x => x.Value > 0).OrderBy(x => x.Key, StringComparer.Ordinal));

        // The historian, read directly: what each order's bodies did, per line (left the line's last element for the
        // next line, or entered the plant's sink).
        var lines = plant.Lines().Select(l => l.Id).ToList();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var expectedScrapped = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var body in events.GroupBy(e => e.PartId, StringComparer.Ordinal))
        {
            Assert.True(orderOf.TryGetValue(body.Key, out var order), $"body {body.Key} in the historian was not released by the plant in the window");
            if (order is null)
            {
                continue;
            }

            var reached = body.Select(e => plant.LineOf(e.Asset)!.Id).Distinct().Select(l => lines.IndexOf(l)).Max();
            var shipped = body.Any(e => e.Kind == PartEventKind.Enter && plant.FindElement(e.Asset) is Sink);
            for (int i = 0; i < lines.Count; i++)
            {
                if (i < reached || (i == lines.Count - 1 && shipped))
                {
                    var key = order + "/" + lines[i].Value;
                    expected[key] = expected.GetValueOrDefault(key) + 1;
                }
            }

            // Scrapped (docs/mes.md): it left a station and entered nothing afterwards. A body moving on enters the next
            // element at the instant it leaves, so an entry at the same time is a move, not a scrap.
            var stationExits = body.Where(e => e.Kind == PartEventKind.Exit && plant.FindElement(e.Asset) is Station).ToList();
            var lastEnter = body.Where(e => e.Kind == PartEventKind.Enter).Max(e => (DateTimeOffset?)e.Timestamp);
            if (!shipped && stationExits.Count > 0 && stationExits.MaxBy(e => e.Timestamp) is var lastExit && !(lastEnter >= lastExit.Timestamp) && lastExit.Timestamp >= shiftStart)
            {
                var key = order + "/" + plant.LineOf(lastExit.Asset)!.Id.Value;
                expectedScrapped[key] = expectedScrapped.GetValueOrDefault(key) + 1;
            }
        }

        Assert.True(expected.GetValueOrDefault("LAK-1001/paint") > 0, "bodies of the first order left the paint shop");

        // The export of the early shift: schema-valid, the same counts.
        using var response = await viewer.GetAsync($"api/v1/mes/performance?shift={monday:yyyy-MM-dd}/early", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct), LoadOptions.SetLineInfo);
        Assert.Empty(B2mmlValidator.Validate(xml));
        Assert.Equal(expected.OrderBy(x => x.Key, StringComparer.Ordinal), MesEndpointsTests.Quantities(xml, "Produced").OrderBy(x => x.Key, StringComparer.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"scrapped per order and line: {string.Join(", ", expectedScrapped.Select(x => $"{x.Key} {x.Value}"))} (of {events.Select(e => e.PartId).Distinct(StringComparer.Ordinal).Count()} bodies)");
        Assert.Equal(expectedScrapped.OrderBy(x => x.Key, StringComparer.Ordinal), MesEndpointsTests.Quantities(xml, "Scrapped").OrderBy(x => x.Key, StringComparer.Ordinal));

        // Plan versus actual: released per order as the plant released them.
        using var progress = JsonDocument.Parse(await viewer.GetStringAsync("api/v1/mes/schedule", Ct));
        var reportedReleased = progress.RootElement.GetProperty("orders").EnumerateArray()
            .Select(o => (Id: o.GetProperty("id").GetString()!, Released: o.GetProperty("released").GetInt32()))
            .Where(o => o.Released > 0)
            .ToDictionary(o => o.Id, o => o.Released, StringComparer.Ordinal);
        Assert.Equal(releasedPerOrder, reportedReleased.OrderBy(x => x.Key, StringComparer.Ordinal));
        Assert.Equal(before.Count, progress.RootElement.GetProperty("unscheduledBodies").GetInt32());
    }

    /// <summary>The part events once the ingestion has stored everything the stopped plant published (two equal reads 2 s apart).</summary>
    private static async Task<List<PartEvent>> SettledPartEventsAsync(IHistorian historian, DateTimeOffset from, DateTimeOffset until)
    {
        var last = -1;
        for (int i = 0; i < 30; i++)
        {
            var events = (await historian.QueryPartEventsAsync(from, until, null, Ct)).ToList();
            if (events.Count == last)
            {
                return events;
            }

            last = events.Count;
            await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, Ct);
        }

        throw new TimeoutException($"the historian's part events did not settle ({last} last)");
    }
}
